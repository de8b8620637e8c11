using Encore.Data.Model;

namespace Encore.Evaluation.Metrics;

/// <summary>
/// Intra-list diversity: how different the items within one list are, averaged over lists that have at
/// least one scorable pair (lists of fewer than two items say nothing). Formulas in docs/metrics.md.
/// </summary>
public static class IntraListDiversity
{
    /// <summary>
    /// Share of distinct item pairs in a list whose artists differ. An unknown artist (negative index)
    /// counts as different from every other item: nothing says they share an artist.
    /// </summary>
    public static double ByArtist(IReadOnlyList<int[]> lists, ReadOnlySpan<int> itemArtist)
    {
        ArgumentNullException.ThrowIfNull(lists);
        double total = 0;
        var counted = 0;
        foreach (var list in lists)
        {
            if (list.Length < 2) continue;
            long different = 0, pairs = 0;
            for (var i = 0; i < list.Length; i++)
                for (var j = i + 1; j < list.Length; j++)
                {
                    var a = itemArtist[list[i]];
                    pairs++;
                    if (a < 0 || a != itemArtist[list[j]]) different++;
                }
            total += (double)different / pairs;
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }

    /// <summary>
    /// Mean genre distance 1 - |G_i ∩ G_j| / |G_i ∪ G_j| (Jaccard) over distinct pairs in a list; pairs
    /// where either item has no genre are skipped (unknown, not different). Genre lists must hold distinct values.
    /// </summary>
    public static double ByGenre(IReadOnlyList<int[]> lists, IntLists itemGenres)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(itemGenres);
        double total = 0;
        var counted = 0;
        foreach (var list in lists)
        {
            double distance = 0;
            var pairs = 0;
            for (var i = 0; i < list.Length; i++)
            {
                var gi = itemGenres[list[i]];
                if (gi.IsEmpty) continue;
                for (var j = i + 1; j < list.Length; j++)
                {
                    var gj = itemGenres[list[j]];
                    if (gj.IsEmpty) continue;
                    var shared = 0;
                    foreach (var g in gi)
                        if (gj.Contains(g)) shared++;
                    distance += 1 - (double)shared / (gi.Length + gj.Length - shared);
                    pairs++;
                }
            }
            if (pairs == 0) continue;
            total += distance / pairs;
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }
}
