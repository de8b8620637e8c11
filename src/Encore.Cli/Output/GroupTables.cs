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
            all.AddRange(runs);
        }
        return all;
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
