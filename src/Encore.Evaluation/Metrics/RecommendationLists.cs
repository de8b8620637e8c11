using Encore.Models.Contract;

namespace Encore.Evaluation.Metrics;

/// <summary>Turns a <see cref="RecommendationBatch"/> into one item array per user for the list-level metrics.</summary>
public static class RecommendationLists
{
    public static int[][] From(RecommendationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lists = new int[batch.Rows][];
        for (var row = 0; row < batch.Rows; row++) lists[row] = batch.ItemsOf(row).ToArray();
        return lists;
    }
}
