using Encore.Evaluation.Metrics;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// SPEC S4's learned fallback: where the user rated none of the track's album (or siblings), artist and
/// genres, adaptive (in the set's <see cref="ScoredCandidates.Scale"/> elsewhere) would fall to the global prior; instead the pair gets b0 + b1 z, z the flat ALS score
/// standardised over the candidate set. (b0, b1) are chosen on the validation lists by grid search for the
/// highest six-candidate accuracy (b0 = M + {-40, -35, ..., 40}, b1 in {0, 2.5, 5, 10, 20, 40}).
/// </summary>
public sealed record LearnedFallbackFit(double Intercept, double Slope, double ValidationAccuracy)
{
    /// <summary>Grid-searches (b0, b1) on validation.</summary>
    public static LearnedFallbackFit Fit(ScoredCandidates validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var m = validation.Extractor.Priors.GlobalMean;
        var z = Standardise(validation.AlsFlat);
        var labels = validation.Set.Labels;
        var best = new LearnedFallbackFit(m, 0, double.NegativeInfinity);
        var scores = new double[z.Length];
        for (var offset = -40; offset <= 40; offset += 5)
        {
            foreach (var slope in new[] { 0, 2.5, 5, 10, 20, 40 })
            {
                Apply(validation.Features, validation.Scale, z, m + offset, slope, scores);
                var acc = SixCandidateAccuracy.Compute(scores, labels, validation.Set.BlockSize, validation.Set.Liked);
                if (acc > best.ValidationAccuracy + 1e-12) best = new LearnedFallbackFit(m + offset, slope, acc);
            }
        }
        return best;
    }

    /// <summary>Scores a candidate set with the learned line.</summary>
    public double[] Score(ScoredCandidates set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var scores = new double[set.Set.Count];
        Apply(set.Features, set.Scale, Standardise(set.AlsFlat), Intercept, Slope, scores);
        return scores;
    }

    private static void Apply(PairFeatures[] features, LevelScale scale, double[] z, double intercept, double slope, double[] scores)
    {
        for (var i = 0; i < scores.Length; i++)
            scores[i] = StrategyScorer.Score(HierarchyStrategy.LearnedFallback, features[i], scale, intercept + slope * z[i]);
    }

    private static double[] Standardise(double[] values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length));
        return [.. values.Select(v => sd > 1e-12 ? (v - mean) / sd : 0)];
    }
}
