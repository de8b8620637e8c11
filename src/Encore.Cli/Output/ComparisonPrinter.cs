using Encore.Evaluation.Runs;
using Encore.Evaluation.Statistics;
using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>Prints a paired comparison of two runs: means, mean difference with its interval, p-values, effect size, verdict.</summary>
internal static class ComparisonPrinter
{
    public static void Print(ExperimentRun a, ExperimentRun b, string metric, PairedComparisonResult result, bool markdown)
    {
        var table = new TextTable($"paired comparison on {metric} over {result.Pairs:N0} common users (b - a)", "what", "value");
        table.Add("a", $"{a.Model} ({a.Id})");
        table.Add("b", $"{b.Model} ({b.Id})");
        table.Add($"mean a", Numbers.F(result.MeanA));
        table.Add($"mean b", Numbers.F(result.MeanB));
        table.Add("difference b - a", Numbers.F(result.MeanDifference, "0.00000"));
        table.Add($"{result.Confidence * 100:0}% CI (paired bootstrap)", $"[{Numbers.F(result.CiLow, "0.00000")}, {Numbers.F(result.CiHigh, "0.00000")}]");
        table.Add("sign-flip permutation p", Numbers.F(result.PermutationPValue, "0.0000"));
        table.Add("Wilcoxon signed-rank p", result.WilcoxonPValue < 1e-4 ? result.WilcoxonPValue.ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture) : Numbers.F(result.WilcoxonPValue, "0.0000"));
        table.Add("Cohen's d (paired)", Numbers.F(result.CohensD, "0.000"));
        table.Add("verdict", result.IsSignificant
            ? $"significant at alpha {Numbers.F(result.Alpha, "0.##")}: {(result.MeanDifference > 0 ? $"b ({b.Model})" : $"a ({a.Model})")} is better"
            : "not significant");
        table.Print(markdown);
        if (result.Warning is { } warning)
        {
            if (markdown) Console.WriteLine($"> warning: {warning}\n");
            else TextLine.Write($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
    }
}
