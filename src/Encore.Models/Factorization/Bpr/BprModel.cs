using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Files;

namespace Encore.Models.Factorization.Bpr;

/// <summary>A fitted BPR model (<see cref="BprTrainer"/>): user vectors [p, 1], item vectors [q, b] (<see cref="ItemBiasFactorModel"/>).</summary>
public sealed class BprModel : ItemBiasFactorModel, Contract.IDataChoices
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "bpr";

    public BprModel(IdMap users, IdMap items, CsrMatrix interactions, int dimensions, ModelArray<float> userFactors, ModelArray<float> itemFactors, float regularization)
        : base(users, items, interactions, dimensions, userFactors, itemFactors, regularization)
    {
    }

    public override string ModelName => Name;

    /// <summary>The negative sampler and epochs chosen from the training data (<see cref="BprThinRowsRule"/>); empty when they were given, kept or read from a file.</summary>
    public IReadOnlyList<Contract.DataChoice> DataChoices { get; init; } = [];

    /// <summary>Reads what <see cref="ItemBiasFactorModel.WritePayload"/> wrote.</summary>
    public static BprModel Read(ModelReader reader)
    {
        var p = ReadFactors(reader);
        return new BprModel(p.Users, p.Items, p.Interactions, p.Dimensions, p.UserFactors, p.ItemFactors, reader.ReadFloat());
    }
}
