using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;

namespace Encore.Models.Factorization.Wmf;

/// <summary>
/// A fitted SPEC S1 WMF model: immutable, thread-safe. score(u, i) = x_u.y_i + beta ln(1 + s_ui), where s_ui is the
/// user's training score of the track (0 when never played) and beta the repeat weight. The factors are an
/// <see cref="AlsModel"/> fitted on c = 1 + alpha ln(1 + s / eps).
/// </summary>
public sealed class WmfModel : RecommenderBase
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "wmf";

    private readonly AlsModel _factors;

    /// <param name="factors">The ALS factors (same users and items as <paramref name="scores"/>).</param>
    /// <param name="scores">Raw training scores, users x items: the seen items and the repeat term's s.</param>
    /// <param name="repeatWeight">beta >= 0.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public WmfModel(AlsModel factors, CsrMatrix scores, float repeatWeight)
        : base((factors ?? throw new ArgumentNullException(nameof(factors))).Users, factors.Items, scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Rows != factors.Users.Count || scores.Columns != factors.Items.Count)
            throw new ArgumentException($"wmf: scores are {scores.Rows} x {scores.Columns}, factors {factors.Users.Count} x {factors.Items.Count}.", nameof(scores));
        ArgumentOutOfRangeException.ThrowIfNegative(repeatWeight);
        _factors = factors;
        RepeatWeight = repeatWeight;
    }

    public override string ModelName => Name;

    /// <value>beta of the familiarity term.</value>
    public float RepeatWeight { get; }

    /// <value>The factor model (alpha, regularisation, factors).</value>
    public AlsModel Factors => _factors;

    protected override void ScoreAll(int user, Span<float> scores)
    {
        _factors.ScoreVector(_factors.UserVector(user), scores);
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
    }

    public static WmfModel Read(ModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var beta = reader.ReadFloat();
        var scores = reader.ReadCsr();
        var factors = AlsModel.Read(reader);
        if (!(beta >= 0)) throw new Core.Errors.ModelFormatException($"wmf: model file is corrupt: repeat weight {beta} is not >= 0.");
        if (scores.Rows != factors.Users.Count || scores.Columns != factors.Items.Count)
            throw new Core.Errors.ModelFormatException($"wmf: model file is corrupt: scores are {scores.Rows} x {scores.Columns}, factors {factors.Users.Count} x {factors.Items.Count}.");
        return new WmfModel(factors, scores, beta);
    }
}
