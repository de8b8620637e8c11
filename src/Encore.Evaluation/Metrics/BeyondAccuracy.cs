namespace Encore.Evaluation.Metrics;

/// <summary>
/// Catalogue-level metrics over everyone's recommendation lists (one int[] of item indices per user;
/// <see cref="RecommendationLists.From"/> converts a batch). Formulas in docs/metrics.md.
/// </summary>
public static class BeyondAccuracy
{
    /// <summary>Distinct items recommended to anyone divided by the catalogue size; 0 for an empty catalogue.</summary>
    public static double CatalogueCoverage(IReadOnlyList<int[]> lists, int catalogueSize)
    {
        ArgumentNullException.ThrowIfNull(lists);
        if (catalogueSize <= 0) return 0;
        var seen = new bool[catalogueSize];
        var distinct = 0;
        foreach (var list in lists)
            foreach (var item in list)
            {
                if ((uint)item >= (uint)catalogueSize)
                    throw new ArgumentException($"Item {item} is outside the catalogue of {catalogueSize} items.", nameof(lists));
                if (seen[item]) continue;
                seen[item] = true;
                distinct++;
            }
        return (double)distinct / catalogueSize;
    }

    /// <summary>
    /// Novelty: per list, the mean self-information -log2(pop(i) / users) of its items, where pop(i) is
    /// the number of training users with item i (an item no training user has counts as pop 1, the
    /// rarest observable); then the mean over non-empty lists. 0 when there is no non-empty list.
    /// </summary>
    public static double Novelty(IReadOnlyList<int[]> lists, ReadOnlySpan<int> popularity, int trainingUsers)
    {
        ArgumentNullException.ThrowIfNull(lists);
        if (trainingUsers <= 0) throw new ArgumentOutOfRangeException(nameof(trainingUsers), trainingUsers, "must be > 0");
        double total = 0;
        var counted = 0;
        foreach (var list in lists)
        {
            if (list.Length == 0) continue;
            double sum = 0;
            foreach (var item in list)
                sum -= Math.Log2((double)Math.Max(1, popularity[item]) / trainingUsers);
            total += sum / list.Length;
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }
}
