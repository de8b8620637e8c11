using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Evaluation.Metrics;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// SPEC S1 group protocol: seeded random groups drawn from users with validation data, relevant items =
/// union of the members' validation items scoring at least the threshold, group Precision@k of the
/// list the group strategy returns. Any strategy plugs in as <c>recommend(members, k) -> items</c>.
/// </summary>
public static class GroupEvaluator
{
    public static GroupEvaluationResult Evaluate(CsrMatrix validation, Func<int[], int, int[]> recommend,
        GroupEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(recommend);
        options ??= new GroupEvaluationOptions();
        options.Validate();
        var pool = Pool(validation, options);

        var ks = options.Ks.ToArray();
        var maxK = ks.Max();
        var outcomes = new List<GroupOutcome>();
        var excluded = 0;
        for (var g = 0; g < options.Groups; g++)
        {
            var members = Draw(pool, options, g);
            var memberRelevant = members.Select(m => Relevant(validation, m, options.RelevanceThreshold)).ToArray();
            var union = memberRelevant.SelectMany(r => r).Distinct().Order().ToArray();
            if (union.Length == 0) { excluded++; continue; }
            var items = recommend(members, maxK)
                ?? throw new InvalidOperationException("The group recommender returned null instead of a list.");
            var precision = new double[ks.Length];
            var minMember = new double[ks.Length];
            for (var i = 0; i < ks.Length; i++)
            {
                precision[i] = RankingMetrics.PrecisionAt(items, union, ks[i]);
                minMember[i] = MinMemberPrecision(items, memberRelevant, ks[i]);
            }
            outcomes.Add(new GroupOutcome(members, union.Length, precision, minMember) { Ordinal = g });
        }
        return new GroupEvaluationResult(ks, outcomes, excluded);
    }

    /// <summary>
    /// The members of every group draw 0 .. options.Groups - 1, exactly as <see cref="Evaluate"/> draws them (sorted user
    /// indices; a draw whose members have no relevant item is still listed): for tests that need who is in which group.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer users with validation data than one group needs.</exception>
    public static int[][] DrawGroups(CsrMatrix validation, GroupEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(validation);
        options ??= new GroupEvaluationOptions();
        options.Validate();
        var pool = Pool(validation, options);
        var groups = new int[options.Groups][];
        for (var g = 0; g < groups.Length; g++) groups[g] = Draw(pool, options, g);
        return groups;
    }

    private static List<int> Pool(CsrMatrix validation, GroupEvaluationOptions options)
    {
        var pool = new List<int>();
        for (var u = 0; u < validation.Rows; u++)
            if (validation.RowLength(u) > 0) pool.Add(u);
        if (pool.Count < options.GroupSize)
            throw new ArgumentException(
                $"Only {pool.Count} users have validation data; groups of {options.GroupSize} need at least that many.", nameof(validation));
        return pool;
    }

    // One stream per group: group g is the same whatever the number of groups asked for.
    private static int[] Draw(List<int> pool, GroupEvaluationOptions options, int g) =>
        GroupSampler.Draw(pool, options.GroupSize, Rng.Fork(options.Seed, (ulong)g));

    /// <summary>Members without relevant items of their own are left out of the minimum: no list can serve them.</summary>
    private static double MinMemberPrecision(int[] items, int[][] memberRelevant, int k)
    {
        var min = double.PositiveInfinity;
        foreach (var relevant in memberRelevant)
            if (relevant.Length > 0) min = Math.Min(min, RankingMetrics.PrecisionAt(items, relevant, k));
        return double.IsPositiveInfinity(min) ? 0 : min;
    }

    private static int[] Relevant(CsrMatrix validation, int user, float threshold)
    {
        var indices = validation.RowIndices(user);
        var values = validation.RowValues(user);
        var relevant = new List<int>(indices.Length);
        for (var i = 0; i < indices.Length; i++)
            if (values[i] >= threshold) relevant.Add(indices[i]);
        relevant.Sort();
        return [.. relevant];
    }
}
