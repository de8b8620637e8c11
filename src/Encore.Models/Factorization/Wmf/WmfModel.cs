using System.Numerics.Tensors;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;

namespace Encore.Models.Factorization.Wmf;

/// <summary>
/// A fitted SPEC S1 WMF model: immutable, thread-safe. score(u, i) = x_u.y_i + beta ln(1 + s_ui) + gamma ln(1 + n_i),
/// where s_ui is the user's training score of the track (0 when never played), n_i the sum of the track's positive
/// training scores over all users, beta the repeat weight and gamma the popularity weight. The factors are an
/// <see cref="AlsModel"/> fitted on c = 1 + alpha ln(1 + s / eps).
/// </summary>
public sealed class WmfModel : RecommenderBase, IDataChoices
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "wmf";

    private readonly AlsModel _factors;
    private readonly float[] _popularityPrior;

    /// <param name="factors">The ALS factors (same users and items as <paramref name="scores"/>).</param>
    /// <param name="scores">Raw training scores, users x items: the seen items and the repeat term's s.</param>
    /// <param name="repeatWeight">beta >= 0.</param>
    /// <param name="popularityWeight">gamma >= 0.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public WmfModel(AlsModel factors, CsrMatrix scores, float repeatWeight, float popularityWeight = 0)
        : base((factors ?? throw new ArgumentNullException(nameof(factors))).Users, factors.Items, scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Rows != factors.Users.Count || scores.Columns != factors.Items.Count)
            throw new ArgumentException($"wmf: scores are {scores.Rows} x {scores.Columns}, factors {factors.Users.Count} x {factors.Items.Count}.", nameof(scores));
        ArgumentOutOfRangeException.ThrowIfNegative(repeatWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(popularityWeight);
        _factors = factors;
        RepeatWeight = repeatWeight;
        PopularityWeight = popularityWeight;
        _popularityPrior = popularityWeight == 0 ? [] : PopularityPrior(scores, popularityWeight);
    }

    public override string ModelName => Name;

    /// <value>beta of the familiarity term.</value>
    public float RepeatWeight { get; }

    /// <value>gamma of the popularity prior.</value>
    public float PopularityWeight { get; }

    /// <value>The factor model (alpha, regularisation, factors).</value>
    public AlsModel Factors => _factors;

    /// <summary>The penalty chosen from the training data (<see cref="WmfRegularizationRule"/>); empty when it was given or read from a file.</summary>
    public IReadOnlyList<DataChoice> DataChoices { get; init; } = [];

    protected override void ScoreAll(int user, Span<float> scores)
    {
        _factors.ScoreVector(_factors.UserVector(user), scores);
        if (_popularityPrior.Length != 0) TensorPrimitives.Add(scores, _popularityPrior, scores);
        if (RepeatWeight == 0) return;
        var items = Interactions.RowIndices(user);
        var values = Interactions.RowValues(user);
        for (var p = 0; p < items.Length; p++)
            scores[items[p]] += RepeatWeight * MathF.Log(1f + Math.Max(values[p], 0f));
    }

    public override void WritePayload(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteFloat(RepeatWeight);
        writer.WriteCsr(Interactions);
        _factors.WritePayload(writer);
        // Appended last so files written before the prior existed still read (as gamma 0).
        writer.WriteFloat(PopularityWeight);
    }

    public static WmfModel Read(ModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var beta = reader.ReadFloat();
        var scores = reader.ReadCsr();
        var factors = AlsModel.Read(reader);
        var gamma = reader.AtEnd ? 0f : reader.ReadFloat();
        if (!(gamma >= 0)) throw new Core.Errors.ModelFormatException($"wmf: model file is corrupt: popularity weight {gamma} is not >= 0.");
        if (!(beta >= 0)) throw new Core.Errors.ModelFormatException($"wmf: model file is corrupt: repeat weight {beta} is not >= 0.");
        if (scores.Rows != factors.Users.Count || scores.Columns != factors.Items.Count)
            throw new Core.Errors.ModelFormatException($"wmf: model file is corrupt: scores are {scores.Rows} x {scores.Columns}, factors {factors.Users.Count} x {factors.Items.Count}.");
        return new WmfModel(factors, scores, beta, gamma);
    }

    /// <summary>gamma ln(1 + n_i) per track, n_i = the sum of the track's positive scores.</summary>
    private static float[] PopularityPrior(CsrMatrix scores, float gamma)
    {
        var totals = new double[scores.Columns];
        for (var u = 0; u < scores.Rows; u++)
        {
            var items = scores.RowIndices(u);
            var values = scores.RowValues(u);
            for (var p = 0; p < items.Length; p++)
                if (values[p] > 0) totals[items[p]] += values[p];
        }
        var prior = new float[totals.Length];
        for (var i = 0; i < prior.Length; i++) prior[i] = gamma * (float)Math.Log(1.0 + totals[i]);
        return prior;
    }
}
