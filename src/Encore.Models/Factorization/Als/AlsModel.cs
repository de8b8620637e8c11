using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Kernels;
using Encore.Models.Files;

namespace Encore.Models.Factorization.Als;

/// <summary>A fitted implicit ALS model: immutable, thread-safe. Fold-in is exact (the same row solve as training).</summary>
public sealed class AlsModel : FactorModel, IExplainer, IDataChoices
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "als";

    public AlsModel(IdMap users, IdMap items, CsrMatrix interactions, int dimensions, ModelArray<float> userFactors, ModelArray<float> itemFactors, float alpha, float regularization)
        : base(users, items, interactions, dimensions, userFactors, itemFactors)
    {
        Alpha = alpha;
        Regularization = regularization;
    }

    public override string ModelName => Name;

    public float Alpha { get; }

    public float Regularization { get; }

    /// <summary>The penalty when the trainer capped it from the data (<see cref="AlsRegularizationRule"/>); not saved in model files.</summary>
    public IReadOnlyList<DataChoice> DataChoices { get; init; } = [];

    protected override float FoldInAlpha => Alpha;

    protected override float FoldInRegularization => Regularization;

    /// <summary>
    /// Hu-Koren-Volinsky explanation: with W = (Y^T C_u Y + lambda I)^-1 the user's own weighted ridge
    /// inverse, score(u, i) = sum_j (y_i^T W y_j) c_uj p_uj, so history item j contributes (y_i^T W y_j) c_uj p_uj.
    /// Returns the <paramref name="n"/> largest contributions.
    /// </summary>
    public (int[] Items, float[] Contributions) Explain(int user, int item, int n)
    {
        var d = Dimensions;
        using var lease = LeaseFactors();
        var target = ItemVector(item);
        var history = Signal.RowIndices(user);
        var values = Signal.RowValues(user);
        var a = new float[d * d];
        var z = new float[d];
        WeightedRidge.Build(FoldInGram, ItemFactors, d, history, values, Alpha, a, z);
        if (!DenseCholesky.Factor(a, d)) return ([], []);
        target.CopyTo(z);
        DenseCholesky.Solve(a, d, z);
        var contributions = new float[Items.Count];
        contributions.AsSpan().Fill(float.NaN);
        for (var k = 0; k < history.Length; k++)
        {
            var c = WeightedRidge.Confidence(values[k], Alpha) * WeightedRidge.Preference(values[k]);
            contributions[history[k]] = c * System.Numerics.Tensors.TensorPrimitives.Dot(z, ItemVector(history[k]));
        }
        return RankingFilter.Select(contributions, null, Math.Min(n, history.Length));
    }

    public override void WritePayload(ModelWriter writer)
    {
        WriteFactors(writer);
        writer.WriteFloat(Alpha);
        writer.WriteFloat(Regularization);
    }

    public static AlsModel Read(ModelReader reader)
    {
        var p = ReadFactors(reader);
        return new AlsModel(p.Users, p.Items, p.Interactions, p.Dimensions, p.UserFactors, p.ItemFactors, reader.ReadFloat(), reader.ReadFloat());
    }
}
