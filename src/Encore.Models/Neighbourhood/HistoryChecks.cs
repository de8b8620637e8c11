using Encore.Core.Ranking;

namespace Encore.Models.Neighbourhood;

/// <summary>Argument checks and small top-k helpers shared by the request-time paths of the neighbourhood models.</summary>
internal static class HistoryChecks
{
    public static void Validate(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int itemCount)
    {
        if (items.Length != values.Length)
            throw new ArgumentException($"History has {items.Length} items but {values.Length} values; give one value per item.", nameof(values));
        foreach (var item in items)
            if ((uint)item >= (uint)itemCount)
                throw new ArgumentOutOfRangeException(nameof(items), item, $"History item {item} is outside the model's {itemCount} items.");
    }

    /// <summary>The k best entries of one sparse row, best first (ties by smaller index).</summary>
    public static (int[] Ids, float[] Scores) TopOfRow(ReadOnlySpan<int> ids, ReadOnlySpan<float> scores, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var heap = new TopKSelector(Math.Min(k, ids.Length));
        for (var p = 0; p < ids.Length; p++) heap.Offer(ids[p], scores[p]);
        var outIds = new int[heap.Count];
        var outScores = new float[heap.Count];
        heap.Drain(outIds, outScores);
        return (outIds, outScores);
    }
}
