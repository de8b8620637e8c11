using Encore.Core.Ranking;
using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Scoring shared by the models that hold a sparse item x item weight matrix W (item-kNN similarities,
/// RP3beta walk weights): score(j) = sum over history items i of value(i) * W[i, j].
/// </summary>
internal static class ItemWeightScoring
{
    /// <summary>Adds value(i) * W[i, :] into <paramref name="scores"/> (length = item count) for every history item i.</summary>
    public static void Accumulate(CsrMatrix weights, ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        for (var p = 0; p < items.Length; p++)
        {
            var v = values[p];
            var columns = weights.RowIndices(items[p]);
            var row = weights.RowValues(items[p]);
            for (var q = 0; q < columns.Length; q++) scores[columns[q]] += v * row[q];
        }
    }

    /// <summary>The <paramref name="n"/> history items of <paramref name="user"/> that add most to <paramref name="item"/>'s score, best first.</summary>
    public static (int[] Items, float[] Contributions) Explain(CsrMatrix weights, CsrMatrix signal, int user, int item, int n)
    {
        if ((uint)user >= (uint)signal.Rows) return ([], []);
        var history = signal.RowIndices(user);
        var values = signal.RowValues(user);
        var heap = new TopKSelector(Math.Min(n, history.Length));
        for (var p = 0; p < history.Length; p++)
        {
            var contribution = values[p] * weights.Get(history[p], item);
            if (contribution != 0) heap.Offer(history[p], contribution);
        }
        var ids = new int[heap.Count];
        var scores = new float[heap.Count];
        heap.Drain(ids, scores);
        return (ids, scores);
    }
}
