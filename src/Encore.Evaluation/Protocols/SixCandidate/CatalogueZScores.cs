using Encore.Core.Randomness;
using Encore.Evaluation.Statistics;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// Measures what the per-list z-score features (<c>als_flat_block_z</c>, <c>adaptive_block_z</c>) do when a classifier
/// ranks the whole catalogue (<c>recommend</c> scores every track as one list) instead of six candidates: for each test
/// list the two columns are recomputed with the mean and standard deviation of the user's scores over
/// <see cref="SampleSize"/> catalogue tracks drawn uniformly (seeded) instead of over the six, the classifier rescored,
/// and its six-candidate accuracy paired against the protocol's per-list version. A diagnostic: nothing is fitted.
/// </summary>
public static class CatalogueZScores
{
    /// <summary>Catalogue tracks drawn per test user to estimate the catalogue-wide mean and deviation.</summary>
    public const int SampleSize = 1000;

    /// <summary>One classifier's accuracy with per-list and with catalogue-wide z-scores, and the paired difference (catalogue - list).</summary>
    public sealed record Row(string Classifier, double ListAccuracy, double CatalogueAccuracy, PairedComparisonResult Comparison);

    /// <summary>Rows for every trained classifier; <paramref name="listScores"/> are their protocol test scores by name.</summary>
    public static IReadOnlyList<Row> Measure(ScoredCandidates test, HierarchyCatalogue catalogue, HierarchyRatings ratings,
        IReadOnlyDictionary<string, CandidateClassifier> classifiers, IReadOnlyDictionary<string, double[]> listScores, ulong seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(classifiers);
        ArgumentNullException.ThrowIfNull(listScores);
        var set = test.Set;
        var rows = test.ClassifierRows();
        var width = ScoredCandidates.FeatureNames.Length;
        var alsColumn = Array.IndexOf(ScoredCandidates.FeatureNames, "als_flat_block_z");
        var adaptiveColumn = Array.IndexOf(ScoredCandidates.FeatureNames, "adaptive_block_z");
        var extractor = new FeatureExtractor(catalogue, ratings, test.FeaturePriors, FallbackMode.Bayesian, useSiblings: true);
        var tracks = catalogue.TrackCount;
        var als = new double[SampleSize];
        var adaptive = new double[SampleSize];
        for (var b = 0; b < set.Blocks; b++)
        {
            ct.ThrowIfCancellationRequested();
            var user = set.Users[b * set.BlockSize];
            var rng = Rng.Fork(seed ^ 0xCA7A_2000UL, (ulong)b);
            for (var k = 0; k < SampleSize; k++)
            {
                var t = rng.NextInt(tracks);
                als[k] = test.Collaborative.Score(user, t);
                adaptive[k] = StrategyScorer.Score(HierarchyStrategy.Adaptive, extractor.Compute(user, t));
            }
            var (alsMean, alsSd) = MeanSd(als);
            var (adaptiveMean, adaptiveSd) = MeanSd(adaptive);
            for (var i = b * set.BlockSize; i < (b + 1) * set.BlockSize; i++)
            {
                rows[i * width + alsColumn] = (float)Z(test.AlsFlat[i], alsMean, alsSd);
                rows[i * width + adaptiveColumn] = (float)Z(test.ClassifierAdaptive[i], adaptiveMean, adaptiveSd);
            }
        }
        var result = new List<Row>();
        foreach (var (name, model) in classifiers)
        {
            var scores = model.Score(rows).Select(s => (double)s).ToArray();
            var catalogueUsers = SixCandidateRunner.PerUser(scores, set);
            var listUsers = SixCandidateRunner.PerUser(listScores[name], set);
            result.Add(new Row(name, listUsers.Average(), catalogueUsers.Average(), PairedComparison.Compare(listUsers, catalogueUsers, seed)));
        }
        return result;
    }

    private static (double Mean, double Sd) MeanSd(double[] values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(Math.Max(0, values.Sum(v => v * v) / values.Length - mean * mean));
        return (mean, sd);
    }

    private static double Z(double value, double mean, double sd) => sd > 1e-12 ? (value - mean) / sd : 0;
}
