using Encore.Core.Ids;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Evaluation.Metrics;
using Encore.Models.Contract;
using Encore.Online.Registry;

namespace Encore.Online.Retraining;

/// <summary>
/// Mean per-user NDCG@10 on a holdout split, for the candidate (trained on the split's train part) and for
/// the active model on the same users and held-out tracks. The active model ranks as it would serve: known
/// users from their own vectors with the split's train tracks excluded, unknown users folded in from those
/// train tracks (or popularity). Its answers are mapped back by external id; a track it does not know can
/// not be a hit. Caveat: the active model may have trained on some held-out pairs, which favours it, so
/// the check is conservative.
/// </summary>
internal static class HoldoutCheck
{
    public const int K = 10;

    public static int[] SampleUsers(CsrMatrix test, int max, ulong seed)
    {
        var users = new List<int>();
        for (var u = 0; u < test.Rows; u++)
            if (test.RowLength(u) > 0) users.Add(u);
        var array = users.ToArray();
        if (array.Length <= max) return array;
        new Rng(seed).Shuffle(array.AsSpan());
        var sample = array[..max];
        Array.Sort(sample);
        return sample;
    }

    public static double Candidate(IRecommender candidate, CsrMatrix test, int[] users)
    {
        var batch = candidate.Recommend(users, K);
        double sum = 0;
        for (var i = 0; i < users.Length; i++) sum += RankingMetrics.NdcgAt(batch.ItemsOf(i), test.RowIndices(users[i]), K);
        return users.Length == 0 ? 0 : sum / users.Length;
    }

    public static double Active(ServingModel active, CsrMatrix train, CsrMatrix test, int[] users, IdMap userIds, IdMap itemIds)
    {
        var model = active.Model;
        var toMatrix = new int[model.Items.Count];
        for (var i = 0; i < toMatrix.Length; i++) toMatrix[i] = itemIds.IndexOf(model.Items[i]);
        double sum = 0;
        var ranked = new List<int>(K);
        foreach (var u in users)
        {
            var history = new List<int>();
            var values = new List<float>();
            var trainItems = train.RowIndices(u);
            var trainValues = train.RowValues(u);
            for (var p = 0; p < trainItems.Length; p++)
                if (model.Items.TryGetIndex(itemIds[trainItems[p]], out var j))
                {
                    history.Add(j);
                    values.Add(trainValues[p]);
                }
            var options = new RecommendOptions { ExcludeSeen = false, Exclude = history };
            var (items, _) = Rank(active, userIds[u], history, values, options);
            ranked.Clear();
            foreach (var item in items) ranked.Add(toMatrix[item]);
            sum += RankingMetrics.NdcgAt(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ranked), test.RowIndices(u), K);
        }
        return users.Length == 0 ? 0 : sum / users.Length;
    }

    private static (int[] Items, float[] Scores) Rank(ServingModel active, string user, List<int> history, List<float> values, RecommendOptions options)
    {
        var model = active.Model;
        if (model.Users.TryGetIndex(user, out var index)) return model.RecommendOne(index, K, options);
        var (items, weights) = Sorted(history, values);
        if (items.Length > 0 && model is IHistoryRecommender fold) return fold.RecommendFromHistory(items, weights, K, options);
        return active.Popularity is { } popular ? popular.RecommendFromHistory(items, weights, K, options) : ([], []);
    }

    private static (int[], float[]) Sorted(List<int> items, List<float> values)
    {
        var a = items.ToArray();
        var b = values.ToArray();
        Array.Sort(a, b);
        return (a, b);
    }
}
