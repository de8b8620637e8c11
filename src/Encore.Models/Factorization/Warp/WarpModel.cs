using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Files;

namespace Encore.Models.Factorization.Warp;

/// <summary>A fitted WARP model (<see cref="WarpTrainer"/>): user vectors [p, 1], item vectors [q, b] (<see cref="ItemBiasFactorModel"/>).</summary>
public sealed class WarpModel : ItemBiasFactorModel
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "warp";

    public WarpModel(IdMap users, IdMap items, CsrMatrix interactions, int dimensions, ModelArray<float> userFactors, ModelArray<float> itemFactors, float regularization)
        : base(users, items, interactions, dimensions, userFactors, itemFactors, regularization)
    {
    }

    public override string ModelName => Name;

    /// <summary>Reads what <see cref="ItemBiasFactorModel.WritePayload"/> wrote.</summary>
    public static WarpModel Read(ModelReader reader)
    {
        var p = ReadFactors(reader);
        return new WarpModel(p.Users, p.Items, p.Interactions, p.Dimensions, p.UserFactors, p.ItemFactors, reader.ReadFloat());
    }
}
