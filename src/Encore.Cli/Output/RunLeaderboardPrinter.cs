using System.Globalization;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Output;

/// <summary>
/// The evaluate / sweep leaderboard: models ranked by the chosen metric with NDCG at every k (95% bootstrap
/// interval), precision, recall, hit rate and beyond-accuracy at the main k, and fit / evaluation seconds.
/// </summary>
internal static class RunLeaderboardPrinter
{
    public static void Print(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<int> ks, string metric, string title, bool markdown,
        bool showParameters = false)
    {
        var main = ks.Contains(10) ? 10 : ks[0];
        var at = main.ToString(CultureInfo.InvariantCulture);
        var headers = new List<string> { "model" };
        if (showParameters) headers.Add("settings");
        headers.AddRange(["fit s", "eval s"]);
        headers.AddRange(ks.Select(k => $"NDCG@{k} [95% CI]"));
        headers.AddRange([$"P@{at}", $"R@{at}", $"HR@{at}", $"MAP@{at}", $"coverage@{at}", $"novelty@{at}", "users"]);
        var table = new TextTable(title, [.. headers]);
        foreach (var run in runs.OrderByDescending(r => r.Means.GetValueOrDefault(metric, double.NegativeInfinity)))
        {
            var cells = new List<string> { run.Model };
            if (showParameters) cells.Add(Settings(run));
            cells.AddRange([Numbers.Seconds(run.FitSeconds), Numbers.Seconds(run.EvaluateSeconds)]);
            cells.AddRange(ks.Select(k => Numbers.WithInterval(run, $"ndcg@{k.ToString(CultureInfo.InvariantCulture)}")));
            cells.AddRange([Numbers.Mean(run, $"precision@{at}"), Numbers.Mean(run, $"recall@{at}"), Numbers.Mean(run, $"hitrate@{at}", "0.000"),
                Numbers.Mean(run, $"map@{at}"), Numbers.Mean(run, $"coverage@{at}"), Numbers.Mean(run, $"novelty@{at}", "0.00"),
                Numbers.Mean(run, "users", "0")]);
            table.Add([.. cells]);
        }
        table.Print(markdown);
    }

    /// <summary>Only the settings a sweep varies are interesting, but all are short: print the non-default-looking ones compactly.</summary>
    private static string Settings(ExperimentRun run) =>
        string.Join(" ", run.Parameters.Where(p => p.Key is not ("seed" or "threads")).Select(p => $"{p.Key}={p.Value}"));
}
