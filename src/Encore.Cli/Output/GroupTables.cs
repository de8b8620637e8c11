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
        EvaluationSettings settings, IReadOnlyList<int> counts, TableFormat format, bool wide, CancellationToken ct)
    {
        var all = new List<ExperimentRun>();
        var ks = settings.Ks;
        var testK = ks.Contains(10) ? 10 : ks[ks.Count / 2];
        var rule = protocol.Options.GroupRelevanceLabel;
        for (var i = 0; i < counts.Count; i++)
        {
            var runs = GroupProtocol.Run(protocol, model, settings, groups: counts[i], cancellationToken: ct);
            // Machine formats keep stdout for the leaderboard alone; the group runs are still recorded.
            if (!format.IsMachine()) Print(runs, ks, testK, counts[i], i == 0, modelName, rule, protocol.Options.Seed, format, wide);
            if (!format.IsMachine() && i > 0)
            {
                Console.WriteLine(Overlap(counts[i], GroupProtocol.MemberPool(protocol)));
                PrintOverUsers(GroupProtocol.CompareWithBasicOverUsers(protocol, runs, testK, counts[i], protocol.Options.Seed), testK, counts[i], format);
            }
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
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(the {groups} groups are drawn from {users:N0} users; each user is in about {perUser:F1} groups.)\n")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"(the {groups} groups are drawn from {users:N0} users, so each user is in about {perUser:F1} groups and groups share members: the intervals and p-values above treat groups as independent and are optimistic; if members' contributions add up, the variance is about {perUser:F1} times larger, about {users / 5.0:F1} independent groups; the next table resamples the users too.)\n");
    }

    /// <summary>The cluster-aware test: users and groups resampled (<see cref="Encore.Evaluation.Statistics.MemberClusterBootstrap"/>).</summary>
    private static void PrintOverUsers(IReadOnlyList<(ExperimentRun Run, Encore.Evaluation.Statistics.MemberClusterResult Result)> tests, int k, int count, TableFormat format)
    {
        if (tests.Count == 0) return;
        var users = tests[0].Result.Users;
        var table = new TextTable(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the same {count} groups, paired bootstrap resampling the {users} users and the groups (shared members respected)"),
            ["strategy", $"P@{k} - basic [95% CI]", "bootstrap p", "verdict"]);
        foreach (var (run, result) in tests)
            table.Add([run.Model,
                $"{Numbers.F(result.MeanDifference, "+0.0000;-0.0000;0.0000")} [{Numbers.F(result.CiLow, "0.0000")}, {Numbers.F(result.CiHigh, "0.0000")}]",
                Numbers.F(result.PValue, "0.0000"),
                !result.IsSignificant ? "not significant" : result.MeanDifference > 0 ? "better than basic" : "worse than basic"]);
        table.Print(format == TableFormat.Markdown);
        Console.WriteLine();
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
