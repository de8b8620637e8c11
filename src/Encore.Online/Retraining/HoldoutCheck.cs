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
/// not be a hit. Held-out pairs the active model trained on (<see cref="SplitByActiveTraining"/>: all of them when it
/// was trained on the base dataset the retrain reads) are left out of both scores and of both rankings: ranked back from
/// memory they scored an ALS 0.76 against a candidate's 0.005 on IUM, so no retrain could ever pass.
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

    /// <summary>
    /// Splits the held-out pairs <paramref name="test"/> (split users x split tracks) into those the active model never
    /// trained on (<c>Unseen</c>: what both models are scored on) and those in its training matrix
    /// (<see cref="ServingModel.Seen"/>, matched by external ids; <c>Trained</c>: neither a hit nor a miss, left out of
    /// both rankings). A model that keeps no training matrix leaves every pair unseen.
    /// </summary>
    public static (CsrMatrix Unseen, CsrMatrix Trained) SplitByActiveTraining(ServingModel active, CsrMatrix test, IdMap userIds, IdMap itemIds)
    {
        var seen = active.Seen;
        var model = active.Model;
        var unseen = (Rows: new List<int>(), Columns: new List<int>(), Values: new List<float>());
        var trained = (Rows: new List<int>(), Columns: new List<int>(), Values: new List<float>());
        for (var u = 0; u < test.Rows; u++)
        {
            ReadOnlySpan<int> row = seen is not null && model.Users.TryGetIndex(userIds[u], out var mu) ? seen.RowIndices(mu) : [];
            var items = test.RowIndices(u);
            var values = test.RowValues(u);
            // A CSR row's indices are strictly increasing: a binary search, not a scan per held-out pair.
            for (var p = 0; p < items.Length; p++)
            {
                var isTrained = row.Length > 0 && model.Items.TryGetIndex(itemIds[items[p]], out var mi) && row.BinarySearch(mi) >= 0;
                var target = isTrained ? trained : unseen;
                target.Rows.Add(u);
                target.Columns.Add(items[p]);
                target.Values.Add(values[p]);
            }
        }
        return (Build(unseen), Build(trained));

        CsrMatrix Build((List<int> Rows, List<int> Columns, List<float> Values) t) =>
            CsrMatrix.FromTriples(test.Rows, test.Columns, [.. t.Rows], [.. t.Columns], [.. t.Values]);
    }

    /// <summary>
    /// The candidate's mean NDCG@10 over <paramref name="users"/> (split user indices) against <paramref name="test"/>,
    /// never ranking its own training pairs nor <paramref name="leftOut"/> (the active model's training pairs, or null).
    /// </summary>
    public static double Candidate(IRecommender candidate, CsrMatrix test, int[] users, CsrMatrix? leftOut = null)
    {
        double sum = 0;
        if (leftOut is null || leftOut.NonZeros == 0)
        {
            var batch = candidate.Recommend(users, K);
            for (var i = 0; i < users.Length; i++) sum += RankingMetrics.NdcgAt(batch.ItemsOf(i), test.RowIndices(users[i]), K);
        }
        else
        {
            foreach (var u in users)
            {
                var (items, _) = candidate.RecommendOne(u, K, new RecommendOptions { Exclude = leftOut.RowIndices(u).ToArray() });
                sum += RankingMetrics.NdcgAt(items, test.RowIndices(u), K);
            }
        }
        return users.Length == 0 ? 0 : sum / users.Length;
    }

    /// <summary>
    /// The active model's mean NDCG@10 over <paramref name="users"/> against <paramref name="test"/>, ranking as it serves
    /// (see the type) with the split's <paramref name="train"/> tracks and <paramref name="leftOut"/> (its own training
    /// pairs among the held-out ones, or null) excluded; <paramref name="userIds"/> / <paramref name="itemIds"/> map the
    /// split's indices to external ids.
    /// </summary>
    public static double Active(ServingModel active, CsrMatrix train, CsrMatrix test, int[] users, IdMap userIds, IdMap itemIds, CsrMatrix? leftOut = null)
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
            var exclude = new List<int>(history);
            if (leftOut is not null)
                foreach (var item in leftOut.RowIndices(u))
                    if (model.Items.TryGetIndex(itemIds[item], out var j)) exclude.Add(j);
            var options = new RecommendOptions { ExcludeSeen = false, Exclude = exclude };
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
