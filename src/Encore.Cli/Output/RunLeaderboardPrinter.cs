using System.Globalization;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Output;

/// <summary>
/// The evaluate / sweep leaderboard: models ranked by the chosen metric with NDCG at every k (95% bootstrap
/// interval), precision, recall, hit rate and beyond-accuracy at the main k, and fit / evaluation seconds.
/// By default (terminal text) only the main k's NDCG with its interval and the accuracy columns are shown,
/// so the table fits 120 columns; <c>wide</c> (and Markdown, CSV, JSON) shows every column.
/// </summary>
internal static class RunLeaderboardPrinter
{
    public static void Print(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, string metric, string title, bool markdown,
        Func<ExperimentRun, string>? settings = null) =>
        Print(runs, ks, metric, title, markdown ? TableFormat.Markdown : TableFormat.Text, wide: markdown, settings);

    public static void Print(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, string metric, string title, TableFormat format, bool wide,
        Func<ExperimentRun, string>? settings = null)
    {
        var table = Build(runs, ks, metric, title, wide || format != TableFormat.Text, settings);
        table.Print(format);
    }

    /// <summary>The leaderboard as a table: every column when <paramref name="wide"/>, else the ones that fit 120 columns.</summary>
    public static TextTable Build(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, string metric, string title, bool wide,
        Func<ExperimentRun, string>? settings = null)
    {
        if (!wide) return Narrow(runs, ks, metric, title, settings);
        var main = ks.Contains(10) ? 10 : ks[0];
        var at = main.ToString(CultureInfo.InvariantCulture);
        var headers = new List<string> { "model" };
        if (settings is not null) headers.Add("settings");
        headers.AddRange(["fit s", "eval s"]);
        headers.AddRange(ks.Select(k => $"NDCG@{k} [95% CI]"));
        headers.AddRange([$"P@{at}", $"R@{at}", $"HR@{at}", $"MAP@{at}", $"coverage@{at}", $"novelty@{at}", $"long-tail@{at}"]);
        // Diversity exists only when the catalogue has artists / genres for the items.
        var optional = new[] { $"diversity-artist@{at}", $"diversity-genre@{at}" }.Where(m => runs.Any(r => r.Means.ContainsKey(m))).ToArray();
        headers.AddRange(optional);
        headers.Add("users");
        var table = new TextTable(title, [.. headers]);
        foreach (var run in runs.OrderByDescending(r => r.Means.GetValueOrDefault(metric, double.NegativeInfinity)))
        {
            var cells = new List<string> { run.Model };
            if (settings is not null) cells.Add(settings(run));
            cells.AddRange([Numbers.Seconds(run.FitSeconds), Numbers.Seconds(run.EvaluateSeconds)]);
            cells.AddRange(ks.Select(k => Numbers.WithInterval(run, $"ndcg@{k.ToString(CultureInfo.InvariantCulture)}")));
            cells.AddRange([Numbers.Mean(run, $"precision@{at}"), Numbers.Mean(run, $"recall@{at}"), Numbers.Mean(run, $"hitrate@{at}", "0.000"),
                Numbers.Mean(run, $"map@{at}"), Numbers.Mean(run, $"coverage@{at}"), Numbers.Mean(run, $"novelty@{at}", "0.00"),
                Numbers.Mean(run, $"long-tail@{at}", "0.000")]);
            cells.AddRange(optional.Select(m => Numbers.Mean(run, m, "0.000")));
            cells.Add(Numbers.Mean(run, "users", "0"));
            table.Add([.. cells]);
        }
        return table;
    }

    private static TextTable Narrow(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, string metric, string title, Func<ExperimentRun, string>? settings)
    {
        var main = ks.Contains(10) ? 10 : ks[0];
        var at = main.ToString(CultureInfo.InvariantCulture);
        var headers = new List<string> { "model" };
        if (settings is not null) headers.Add("settings");
        headers.AddRange([$"NDCG@{at} [95% CI]", $"P@{at}", $"R@{at}", $"HR@{at}", $"MAP@{at}", $"coverage@{at}", "fit s", "eval s"]);
        var table = new TextTable(title + " (--wide for every column)", [.. headers]);
        foreach (var run in runs.OrderByDescending(r => r.Means.GetValueOrDefault(metric, double.NegativeInfinity)))
        {
            var cells = new List<string> { run.Model };
            if (settings is not null) cells.Add(settings(run));
            cells.AddRange([Numbers.WithInterval(run, $"ndcg@{at}"), Numbers.Mean(run, $"precision@{at}"), Numbers.Mean(run, $"recall@{at}"),
                Numbers.Mean(run, $"hitrate@{at}", "0.000"), Numbers.Mean(run, $"map@{at}"), Numbers.Mean(run, $"coverage@{at}"),
                Numbers.Seconds(run.FitSeconds), Numbers.Seconds(run.EvaluateSeconds)]);
            table.Add([.. cells]);
        }
        return table;
    }
}
