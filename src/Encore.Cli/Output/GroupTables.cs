using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;
using Encore.Models.Contract;

namespace Encore.Cli.Output;

/// <summary>
/// Runs the group protocol once per group count and prints its tables: the first count as SPEC S1's
/// mean ± sd table, every further count with 95% intervals and the paired test of each strategy against the
/// basic group model on P@10 (or the middle k when 10 was not asked for).
/// </summary>
internal static class GroupTables
{
    public static IReadOnlyList<ExperimentRun> Run(PreparedProtocol protocol, IRecommender model, string modelName,
        EvaluationSettings settings, IReadOnlyList<int> counts, TableFormat format, bool wide)
    {
        var all = new List<ExperimentRun>();
        var ks = settings.Ks;
        var testK = ks.Contains(10) ? 10 : ks[ks.Count / 2];
        var rule = protocol.Options.GroupRelevanceLabel;
        for (var i = 0; i < counts.Count; i++)
        {
            var runs = GroupProtocol.Run(protocol, model, settings, groups: counts[i]);
            // Machine formats keep stdout for the leaderboard alone; the group runs are still recorded.
            if (!format.IsMachine()) Print(runs, ks, testK, counts[i], i == 0, modelName, rule, protocol.Options.Seed, format, wide);
            if (!format.IsMachine() && i > 0) Console.WriteLine(Overlap(counts[i], GroupProtocol.MemberPool(protocol)));
            all.AddRange(runs);
        }
        return all;
    }

    /// <summary>
    /// What the paired test assumes: G groups of 5 from n users put each user in about 5 G / n groups. Under a model
    /// where a group's difference is the mean of its members' contributions, the variance of the mean difference is
    /// about 5 G / n times what a test over independent groups assumes, so the effective number of independent
    /// groups is about n / 5.
    /// </summary>
    internal static string Overlap(int groups, int users)
    {
        var perUser = 5.0 * groups / Math.Max(1, users);
        return perUser <= 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(the {groups} groups are drawn from {users} users; each user is in about {perUser:F1} groups.)\n")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"(the {groups} groups are drawn from {users} users, so each user is in about {perUser:F1} groups and groups share members: the intervals and p-values above treat groups as independent and are optimistic; if members' contributions add up, the variance is about {perUser:F1} times larger, about {users / 5.0:F1} independent groups.)\n");
    }

    private static void Print(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, int testK, int count, bool first,
        string modelName, string rule, ulong seed, TableFormat format, bool wide)
    {
        if (first)
            GroupResultsPrinter.Print(runs, ks, $"group protocol: {count} seeded groups of 5, strategies over {modelName}; {rule}", format, wide);
        else
            GroupComparisonPrinter.Print(runs, ks, testK, GroupProtocol.CompareWithBasic(runs, testK, seed),
                $"group protocol: {count} seeded groups of 5, 95% bootstrap intervals over groups, paired test against {GroupProtocol.BasicModelName}; {rule}", format == TableFormat.Markdown);
    }
}
