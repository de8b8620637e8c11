using Encore.Core.Ranking;

namespace Encore.Models.Group;

/// <summary>
/// Aggregates a members x items table of raw scores (NaN = not a candidate for the group) into a group
/// top-k: normalise per member over the candidates, build each member's top-N, combine by strategy,
/// select with ties towards the smaller item index, then measure each member's satisfaction.
/// <see cref="GroupStrategy.ExpectedPlays"/> sums the members' <see cref="ExpectedPlays"/> rows instead, built from the
/// raw scores and the members' histories.
/// </summary>
public static class ScoreTableAggregator
{
    /// <summary>Aggregates the table; <paramref name="histories"/> (one per member, same order) feed <see cref="GroupStrategy.ExpectedPlays"/>.</summary>
    /// <param name="memberScores">Members x items raw scores; NaN = not a candidate.</param>
    /// <param name="k">List length.</param>
    /// <param name="options">Strategy, normalisation, member list size, repeat share.</param>
    /// <param name="histories">Each member's training (items, values); null = no member has a history (every member then counts one play).</param>
    /// <exception cref="ArgumentException">No members, rows of different lengths, or a history count that differs from the member count.</exception>
    public static GroupRecommendation Aggregate(IReadOnlyList<float[]> memberScores, int k, GroupOptions options,
        IReadOnlyList<(int[] Items, float[] Values)>? histories = null)
    {
        ArgumentNullException.ThrowIfNull(memberScores);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (memberScores.Count == 0) throw new ArgumentException("A group needs at least one member.", nameof(memberScores));
        var n = memberScores[0].Length;
        var candidates = Candidates(memberScores, n);
        var normalised = new float[memberScores.Count][];
        var ranks = new int[memberScores.Count][];
        for (var m = 0; m < memberScores.Count; m++)
        {
            if (memberScores[m].Length != n) throw new ArgumentException($"Member {m} has {memberScores[m].Length} scores, member 0 has {n}.", nameof(memberScores));
            ranks[m] = Ranks(memberScores[m], candidates);
            normalised[m] = Normalise(memberScores[m], candidates, ranks[m], options.Normalisation);
        }
        var listSize = Math.Min(options.MemberListSize, candidates.Length);
        var group = new float[n];
        Array.Fill(group, float.NaN);
        if (options.Strategy == GroupStrategy.ExpectedPlays)
            SumExpectedPlays(memberScores, histories, options.RepeatShare, candidates, group);
        else
            foreach (var item in candidates) group[item] = Combine(item, normalised, ranks, listSize, options.Strategy);
        var heap = new TopKSelector(Math.Min(k, candidates.Length));
        foreach (var item in candidates) heap.Offer(item, group[item]);
        var items = new int[heap.Count];
        var scores = new float[heap.Count];
        heap.Drain(items, scores);
        return new GroupRecommendation(items, scores, Satisfaction(items, normalised, ranks, listSize));
    }

    private static void SumExpectedPlays(IReadOnlyList<float[]> memberScores, IReadOnlyList<(int[] Items, float[] Values)>? histories,
        double repeatShare, int[] candidates, float[] group)
    {
        if (histories is not null && histories.Count != memberScores.Count)
            throw new ArgumentException($"{histories.Count} histories for {memberScores.Count} members.", nameof(histories));
        foreach (var item in candidates) group[item] = 0;
        for (var m = 0; m < memberScores.Count; m++)
        {
            var (items, values) = histories?[m] ?? ([], []);
            var expected = ExpectedPlays.ForMember(memberScores[m], items, values, repeatShare);
            foreach (var item in candidates) group[item] += expected[item];
        }
    }

    private static int[] Candidates(IReadOnlyList<float[]> memberScores, int n)
    {
        var list = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            var ok = true;
            for (var m = 0; m < memberScores.Count && ok; m++) ok = i < memberScores[m].Length && !float.IsNaN(memberScores[m][i]);
            if (ok) list.Add(i);
        }
        return [.. list];
    }

    // rank[item] = 0-based position in the member's ordering (score desc, ties by smaller item); -1 for non-candidates.
    private static int[] Ranks(float[] scores, int[] candidates)
    {
        var order = (int[])candidates.Clone();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var ranks = new int[scores.Length];
        Array.Fill(ranks, -1);
        for (var r = 0; r < order.Length; r++) ranks[order[r]] = r;
        return ranks;
    }

    private static float[] Normalise(float[] scores, int[] candidates, int[] ranks, ScoreNormalisation how)
    {
        var result = new float[scores.Length];
        if (how == ScoreNormalisation.Rank)
        {
            foreach (var i in candidates) result[i] = 1f - (float)ranks[i] / candidates.Length;
            return result;
        }
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var i in candidates)
        {
            min = Math.Min(min, scores[i]);
            max = Math.Max(max, scores[i]);
        }
        foreach (var i in candidates) result[i] = max > min ? (scores[i] - min) / (max - min) : 1f;
        return result;
    }

    private static float Combine(int item, float[][] normalised, int[][] ranks, int listSize, GroupStrategy strategy)
    {
        float sum = 0, min = float.PositiveInfinity, max = float.NegativeInfinity, borda = 0;
        var overlap = 0;
        for (var m = 0; m < normalised.Length; m++)
        {
            var s = normalised[m][item];
            sum += s;
            min = Math.Min(min, s);
            max = Math.Max(max, s);
            var r = ranks[m][item];
            if (r < listSize)
            {
                borda += listSize - r;
                overlap++;
            }
        }
        var mean = sum / normalised.Length;
        return strategy switch
        {
            GroupStrategy.LeastMisery => min,
            GroupStrategy.MostPleasure => max,
            GroupStrategy.BordaCount => borda,
            // The count always dominates: the mean tie-break stays within [0, 0.5].
            GroupStrategy.OverlapFirst => overlap + mean / 2,
            _ => mean,
        };
    }

    private static MemberSatisfaction[] Satisfaction(int[] items, float[][] normalised, int[][] ranks, int listSize)
    {
        var result = new MemberSatisfaction[normalised.Length];
        for (var m = 0; m < normalised.Length; m++)
        {
            double inList = 0, sum = 0;
            foreach (var item in items)
            {
                if (ranks[m][item] < listSize) inList++;
                sum += normalised[m][item];
            }
            result[m] = items.Length == 0 ? new MemberSatisfaction(m, 0, 0) : new MemberSatisfaction(m, inList / items.Length, sum / items.Length);
        }
        return result;
    }
}
