using System.Globalization;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Output;

/// <summary>The group protocol's table: per strategy, group Precision@k mean ± sd and the least-served member's precision.</summary>
internal static class GroupResultsPrinter
{
    public static void Print(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, string title, bool markdown) =>
        Print(runs, ks, title, markdown ? TableFormat.Markdown : TableFormat.Text, wide: markdown);

    /// <summary>Prints the table; without <paramref name="wide"/> (terminal text) only the main k, so it fits 120 columns.</summary>
    public static void Print(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, string title, TableFormat format, bool wide)
    {
        if (!wide && format == TableFormat.Text)
        {
            ks = [ks.Contains(10) ? 10 : ks[0]];
            title += " (--wide for every k)";
        }
        var headers = new List<string> { "strategy" };
        headers.AddRange(ks.Select(k => $"group P@{k} (mean ± sd)"));
        headers.AddRange(ks.Select(k => $"min-member P@{k}"));
        headers.AddRange(["groups", "eval s"]);
        var table = new TextTable(title, [.. headers]);
        foreach (var run in runs)
        {
            var cells = new List<string> { run.Model };
            foreach (var k in ks)
            {
                var at = k.ToString(CultureInfo.InvariantCulture);
                cells.Add($"{Numbers.Mean(run, $"group-precision@{at}")} ± {Numbers.Mean(run, $"group-precision-sd@{at}")}");
            }
            cells.AddRange(ks.Select(k => Numbers.Mean(run, $"min-member-precision@{k.ToString(CultureInfo.InvariantCulture)}")));
            cells.Add($"{Numbers.Mean(run, "groups", "0")} (+{Numbers.Mean(run, "excluded-groups", "0")} empty)");
            cells.Add(Numbers.Seconds(run.EvaluateSeconds));
            table.Add([.. cells]);
        }
        table.Print(format);
    }
}
