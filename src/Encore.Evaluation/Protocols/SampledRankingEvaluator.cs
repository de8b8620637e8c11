using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Evaluation.Metrics;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Sampled-negative ranking (only on request: it flatters every model compared with full ranking): each
/// user's held-out items are ranked among <c>negatives</c> items drawn uniformly (stream Fork(seed, user))
/// from those the user has neither in training nor held out. Same metrics and columns as
/// <see cref="FullRankingEvaluator"/>; ties rank the smaller item index first.
/// </summary>
public static class SampledRankingEvaluator
{
    public static (MetricTable Table, int[][] Lists) Evaluate(IRecommender model, CsrMatrix test, CsrMatrix train,
        IReadOnlyList<int> ks, int negatives, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(negatives);
        if (ks.Count == 0) throw new ArgumentException("At least one cut-off k is needed.", nameof(ks));
        var users = new List<int>();
        for (var u = 0; u < test.Rows; u++)
            if (test.RowLength(u) > 0) users.Add(u);
        var table = new MetricTable([.. users]);
        var lists = new int[users.Count][];
        var maxK = ks.Max();
        var columns = ks.Select(k => (K: k,
            P: table.Column($"precision@{k}"), R: table.Column($"recall@{k}"), N: table.Column($"ndcg@{k}"),
            M: table.Column($"map@{k}"), H: table.Column($"hitrate@{k}"), Rr: table.Column($"mrr@{k}"))).ToArray();
        for (var row = 0; row < users.Count; row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = users[row];
            var relevant = test.RowIndices(user);
            var candidates = Candidates(user, relevant, train, test.Columns, negatives, seed);
            var scores = new float[candidates.Length];
            model.Score(user, candidates, scores);
            var order = new int[candidates.Length];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : candidates[a].CompareTo(candidates[b]));
            var ranked = new int[Math.Min(maxK, order.Length)];
            for (var i = 0; i < ranked.Length; i++) ranked[i] = candidates[order[i]];
            lists[row] = ranked;
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
        return (table, lists);
    }

    private static int[] Candidates(int user, ReadOnlySpan<int> relevant, CsrMatrix train, int itemCount, int negatives, ulong seed)
    {
        var seen = user < train.Rows ? train.RowIndices(user) : [];
        var excluded = new HashSet<int>(relevant.Length + seen.Length);
        foreach (var i in relevant) excluded.Add(i);
        foreach (var i in seen) excluded.Add(i);
        var available = itemCount - excluded.Count;
        var wanted = Math.Min(negatives, available);
        var result = new List<int>(relevant.Length + wanted);
        foreach (var i in relevant) result.Add(i);
        var rng = Rng.Fork(seed, (ulong)user);
        var drawn = new HashSet<int>();
        while (drawn.Count < wanted)
        {
            var item = rng.NextInt(itemCount);
            if (!excluded.Contains(item) && drawn.Add(item)) result.Add(item);
        }
        return [.. result];
    }
}
