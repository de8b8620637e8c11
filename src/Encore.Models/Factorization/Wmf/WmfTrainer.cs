using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;

namespace Encore.Models.Factorization.Wmf;

/// <summary>
/// SPEC S1's weighted matrix factorisation for implicit feedback (Hu, Koren, Volinsky 2008): minimises
/// sum_ui c_ui (p_ui - x_u.y_i)^2 + lambda (|X|^2 + |Y|^2) with p = [score >= threshold] and
/// c = 1 + alpha ln(1 + score / eps) for those pairs, by alternating least squares with conjugate gradient over the
/// sparse matrix (<see cref="AlsTrainer"/> on the values ln(1 + score / eps)). Pairs below the threshold train as
/// unobserved (p = 0, c = 1; exact for score 0, the only sub-threshold score SPEC S1's integer weights give).
/// Expects raw aggregated scores (no confidence transform). Deterministic for a seed, whatever the thread count.
/// </summary>
public sealed class WmfTrainer(WmfOptions? options = null) : IRecommenderTrainer
{
    public WmfOptions Options { get; } = options ?? new WmfOptions();

    public string ModelName => WmfModel.Name;

    IRecommender IRecommenderTrainer.Fit(TrainingData data, IProgress<EpochReport>? progress, CancellationToken cancellationToken) =>
        Fit(data, progress, cancellationToken);

    /// <exception cref="ArgumentException">No (user, track) score reaches the preference threshold: nothing to learn.</exception>
    public WmfModel Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chosen = WmfRegularizationRule.Choose(data.Interactions, Options);
        var o = chosen is null ? Options : Options with { Regularization = double.Parse(chosen.Value, System.Globalization.CultureInfo.InvariantCulture) };
        var confidence = Confidence(data.Interactions, o);
        if (confidence.NonZeros == 0)
            throw new ArgumentException(FormattableString.Invariant(
                $"wmf: none of the {data.Interactions.NonZeros} training pairs has a score >= {o.PreferenceThreshold} (the preference threshold); nothing to learn."));
        var als = new AlsTrainer(new AlsOptions
        {
            Factors = o.Factors,
            Regularization = o.Regularization,
            Alpha = o.Alpha,
            Iterations = o.Iterations,
            Seed = o.Seed,
            Threads = o.Threads,
        }).Fit(new TrainingData(confidence, data.Users, data.Items), progress, cancellationToken);
        return new WmfModel(als, data.Interactions, (float)o.RepeatWeight, (float)o.PopularityWeight) { Threads = o.Threads, DataChoices = chosen is null ? [] : [chosen] };
    }

    /// <summary>ln(1 + s / eps) for every stored s >= threshold; other pairs dropped. Same shape.</summary>
    internal static CsrMatrix Confidence(CsrMatrix scores, WmfOptions o)
    {
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        for (var u = 0; u < scores.Rows; u++)
        {
            var items = scores.RowIndices(u);
            var s = scores.RowValues(u);
            for (var p = 0; p < items.Length; p++)
            {
                if (!(s[p] >= o.PreferenceThreshold)) continue;
                rows.Add(u);
                columns.Add(items[p]);
                values.Add((float)Math.Log(1.0 + s[p] / o.Epsilon));
            }
        }
        return CsrMatrix.FromTriples(scores.Rows, scores.Columns, [.. rows], [.. columns], [.. values]);
    }
}
