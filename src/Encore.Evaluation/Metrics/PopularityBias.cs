namespace Encore.Evaluation.Metrics;

/// <summary>
/// How much recommendations lean on popular items. <c>popularity[i]</c> is item i's training
/// interaction count (for example the number of training users with it). Formulas in docs/metrics.md.
/// </summary>
public static class PopularityBias
{
    /// <summary>Average recommended popularity: per list the mean popularity of its items, then the mean over non-empty lists.</summary>
    public static double AverageRecommendedPopularity(IReadOnlyList<int[]> lists, ReadOnlySpan<int> popularity)
    {
        ArgumentNullException.ThrowIfNull(lists);
        double total = 0;
        var counted = 0;
        foreach (var list in lists)
        {
            if (list.Length == 0) continue;
            double sum = 0;
            foreach (var item in list) sum += popularity[item];
            total += sum / list.Length;
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }

    /// <summary>
    /// Long-tail share: per list the share of items outside the head, then the mean over non-empty lists.
    /// The head (<see cref="Head"/>) is the most popular items that together make up <paramref name="headShare"/>
    /// of all interactions.
    /// </summary>
    public static double LongTailShare(IReadOnlyList<int[]> lists, ReadOnlySpan<int> popularity, double headShare = 0.8)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var head = Head(popularity, headShare);
        double total = 0;
        var counted = 0;
        foreach (var list in lists)
        {
            if (list.Length == 0) continue;
            var tail = 0;
            foreach (var item in list)
                if (!head[item]) tail++;
            total += (double)tail / list.Length;
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }

    /// <summary>
    /// Marks the head: items sorted by popularity descending (ties by lower index first) are taken until
    /// their cumulative popularity reaches <paramref name="headShare"/> of the total. No interactions -> no head.
    /// </summary>
    public static bool[] Head(ReadOnlySpan<int> popularity, double headShare = 0.8)
    {
        if (!(headShare >= 0 && headShare <= 1))
            throw new ArgumentOutOfRangeException(nameof(headShare), headShare, "must be in [0, 1]");
        var head = new bool[popularity.Length];
        long total = 0;
        foreach (var p in popularity) total += p;
        if (total == 0) return head;
        var order = new int[popularity.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var pop = popularity.ToArray();
        Array.Sort(order, (x, y) => pop[x] != pop[y] ? pop[y].CompareTo(pop[x]) : x.CompareTo(y));
        long cumulative = 0;
        var target = headShare * total;
        foreach (var item in order)
        {
            if (cumulative >= target) break;
            head[item] = true;
            cumulative += pop[item];
        }
        return head;
    }
}
