using System.Diagnostics;
using Encore.Evaluation.Metrics;
using Encore.Models.Contract;

namespace Encore.Evaluation.Bench;

/// <summary>
/// PEERS.md's protocol: every user with test items gets a full ranking over all items with the user's
/// training items excluded; P@k = hits / k, R@k = hits / |test|, NDCG@k with binary gain and ideal DCG over
/// min(k, |test|) items, HR@k = 1 if any hit; means over test users.
/// </summary>
public static class PeersProtocol
{
    public static PeersQuality Evaluate(IRecommender model, PeersSplit split, int k = 10, int batchSize = 4096, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var users = split.TestUsers();
        double p = 0, r = 0, n = 0, h = 0;
        for (var start = 0; start < users.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, users.Length - start);
            var batch = model.Recommend(users.AsSpan(start, count), k, RecommendOptions.Default, cancellationToken);
            for (var i = 0; i < count; i++)
            {
                var ranked = batch.ItemsOf(i);
                var relevant = split.Test[users[start + i]];
                p += RankingMetrics.PrecisionAt(ranked, relevant, k);
                r += RankingMetrics.RecallAt(ranked, relevant, k);
                n += RankingMetrics.NdcgAt(ranked, relevant, k);
                h += RankingMetrics.HitRateAt(ranked, relevant, k);
            }
        }
        var c = Math.Max(1, users.Length);
        return new PeersQuality(k, users.Length, p / c, r / c, n / c, h / c, clock.Elapsed.TotalSeconds);
    }
}
