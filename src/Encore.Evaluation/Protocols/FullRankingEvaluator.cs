using Encore.Core.Sparse;
using Encore.Evaluation.Metrics;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// The default protocol: every user with at least one test item gets a full ranking over the whole
/// catalogue (training items excluded), and P / R / NDCG / MAP / HR / MRR at each k are recorded per user.
/// Test and training matrices must share the model's user x item shape.
/// </summary>
public static class FullRankingEvaluator
{
    public static MetricTable Evaluate(IRecommender model, CsrMatrix test, IReadOnlyList<int> ks,
        CsrMatrix? train = null, int batchSize = 4096, CancellationToken cancellationToken = default) =>
        Run(model, test, ks, train, batchSize, keepLists: false, cancellationToken).Table;

    /// <summary>As <see cref="Evaluate"/>, and also returns each evaluated user's top-max(k) list (aligned with the table's users) for list-level metrics.</summary>
    public static (MetricTable Table, int[][] Lists) EvaluateWithLists(IRecommender model, CsrMatrix test, IReadOnlyList<int> ks,
        CsrMatrix? train = null, int batchSize = 4096, CancellationToken cancellationToken = default) =>
        Run(model, test, ks, train, batchSize, keepLists: true, cancellationToken);

    private static (MetricTable Table, int[][] Lists) Run(IRecommender model, CsrMatrix test, IReadOnlyList<int> ks,
        CsrMatrix? train, int batchSize, bool keepLists, CancellationToken cancellationToken)
    {
        if (ks.Count == 0) throw new ArgumentException("At least one cut-off k is needed.", nameof(ks));
        var users = new List<int>();
        for (var u = 0; u < test.Rows; u++)
            if (test.RowLength(u) > 0) users.Add(u);
        var table = new MetricTable([.. users]);
        var lists = keepLists ? new int[users.Count][] : [];
        var maxK = ks.Max();
        var options = train is null ? RecommendOptions.Default : new RecommendOptions { SeenItems = train };
        var columns = ks.Select(k => (K: k,
            P: table.Column($"precision@{k}"), R: table.Column($"recall@{k}"), N: table.Column($"ndcg@{k}"),
            M: table.Column($"map@{k}"), H: table.Column($"hitrate@{k}"), Rr: table.Column($"mrr@{k}"))).ToArray();

        for (var start = 0; start < table.Users.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, table.Users.Length - start);
            var batch = model.Recommend(table.Users.AsSpan(start, count), maxK, options, cancellationToken);
            for (var i = 0; i < count; i++)
            {
                var row = start + i;
                var ranked = batch.ItemsOf(i);
                if (keepLists) lists[row] = ranked.ToArray();
                var relevant = test.RowIndices(table.Users[row]);
                foreach (var c in columns)
                {
                    c.P[row] = RankingMetrics.PrecisionAt(ranked, relevant, c.K);
                    c.R[row] = RankingMetrics.RecallAt(ranked, relevant, c.K);
                    c.N[row] = RankingMetrics.NdcgAt(ranked, relevant, c.K);
                    c.M[row] = RankingMetrics.AveragePrecisionAt(ranked, relevant, c.K);
                    c.H[row] = RankingMetrics.HitRateAt(ranked, relevant, c.K);
                    c.Rr[row] = RankingMetrics.ReciprocalRankAt(ranked, relevant, c.K);
                }
            }
        }
        return (table, lists);
    }
}
