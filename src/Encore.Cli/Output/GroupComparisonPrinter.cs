using System.Globalization;
using Encore.Evaluation.Runs;
using Encore.Evaluation.Statistics;

namespace Encore.Cli.Output;

/// <summary>
/// The many-group table: per strategy, group Precision@k with its 95% bootstrap interval over groups, then the
/// paired test of each strategy against the basic group model at one k (difference, its interval, p-values, verdict).
/// </summary>
internal static class GroupComparisonPrinter
{
    public static void Print(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, int testK,
        IReadOnlyList<(ExperimentRun Run, PairedComparisonResult Result)> tests, string title, bool markdown)
    {
        var headers = new List<string> { "strategy" };
        headers.AddRange(ks.Select(k => $"group P@{k} [95% CI]"));
        headers.AddRange([$"P@{testK} - basic [95% CI]", "permutation p", "Wilcoxon p", "verdict", "groups"]);
        var table = new TextTable(title, [.. headers]);
        foreach (var run in runs)
        {
            var cells = new List<string> { run.Model };
            foreach (var k in ks)
            {
                var metric = $"group-precision@{k.ToString(CultureInfo.InvariantCulture)}";
                cells.Add(run.Intervals.TryGetValue(metric, out var ci)
                    ? $"{Numbers.Mean(run, metric)} [{Numbers.F(ci.Low, "0.0000")}, {Numbers.F(ci.High, "0.0000")}]"
                    : Numbers.Mean(run, metric));
            }
            var test = tests.FirstOrDefault(t => ReferenceEquals(t.Run, run)).Result;
            if (test is null) cells.AddRange(["(reference)", "", "", "", ""]);
            else
            {
                cells.Add($"{Numbers.F(test.MeanDifference, "+0.0000;-0.0000;0.0000")} [{Numbers.F(test.CiLow, "0.0000")}, {Numbers.F(test.CiHigh, "0.0000")}]");
                cells.Add(Numbers.F(test.PermutationPValue, "0.0000"));
                cells.Add(Numbers.F(test.WilcoxonPValue, "0.0000"));
                cells.Add(!test.IsSignificant ? "not significant" : test.MeanDifference > 0 ? "better than basic" : "worse than basic");
            }
            if (test is not null) cells.Add(Numbers.Mean(run, "groups", "0"));
            else cells[^1] = Numbers.Mean(run, "groups", "0");
            table.Add([.. cells]);
        }
        table.Print(markdown);
    }
}
