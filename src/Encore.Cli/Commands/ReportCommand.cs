using System.CommandLine;
using Encore.Core.Files;
using Encore.Evaluation.Reports;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore report &lt;run-id...&gt; -o report.html [--store PATH | --runs-json FILE]</c>: a self-contained
/// HTML page (leaderboard, metric@k, per-user distributions, training curves, sweeps, coverage vs accuracy).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var ids = new Argument<string[]>("run-id") { Description = "Runs to report (with --runs-json: default every run in the file).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = "HTML file to write.", DefaultValueFactory = _ => "report.html" };
        var store = StoreOption.Create();
        var runsJson = new Option<string?>("--runs-json") { Description = "Read the runs from a JSON array of experiment runs instead of a store." };
        var metric = new Option<string>("--metric") { Description = "Metric that ranks runs and is plotted per user and per sweep.", DefaultValueFactory = _ => "ndcg@10" };
        var title = new Option<string>("--title") { Description = "Page title.", DefaultValueFactory = _ => "Encore experiment report" };
        var command = new Command("report", "Write a self-contained HTML report with plots of experiment runs.") { ids, output, store, runsJson, metric, title };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(
            parse.GetValue(ids) ?? [], parse.GetValue(output)!, parse.GetValue(store), parse.GetValue(runsJson),
            new ReportOptions { PrimaryMetric = parse.GetValue(metric)!, Title = parse.GetValue(title)! }))));
        return command;
    }

    internal static int Run(string[] ids, string output, string? store, string? runsJson, ReportOptions options)
    {
        Encore.Core.Files.AtomicFile.CheckTarget(output);
        var runs = LoadRuns(ids, store, runsJson);
        // The default metric may be missing (bandit runs have curves only); one the user named must be measured.
        if (options.PrimaryMetric != new ReportOptions().PrimaryMetric) CheckMetric(runs, options.PrimaryMetric);
        HtmlReport.Write(runs, output, options);
        Console.WriteLine($"wrote {Path.GetFullPath(output)} ({runs.Count} runs)");
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<ExperimentRun> LoadRuns(string[] ids, string? store, string? runsJson)
    {
        if (runsJson is not null)
        {
            if (store is not null) throw new ArgumentException("pass either --store or --runs-json, not both.");
            return Select(RunsJsonFile.Read(CommandLinePath.Existing(runsJson, "--runs-json")), ids, runsJson);
        }
        if (ids.Length == 0) throw new ArgumentException("name at least one run id (or pass --runs-json FILE to report every run in it).");

        var runStore = StoreOption.OpenExisting(store);
        return [.. ids.Select(id => StoreOption.Get(runStore, id))];
    }

    /// <summary>A --metric that none of the runs measured would rank nothing and draw empty charts: refused, listing what they have.</summary>
    private static void CheckMetric(IReadOnlyList<ExperimentRun> runs, string metric)
    {
        if (runs.Count == 0 || runs.Any(r => r.Means.ContainsKey(metric))) return;
        var measured = runs.SelectMany(r => r.Means.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        throw new ArgumentException($"--metric '{metric}' is in none of the {runs.Count} runs; they measured {string.Join(", ", measured)}.");
    }

    private static IReadOnlyList<ExperimentRun> Select(IReadOnlyList<ExperimentRun> runs, string[] ids, string source)
    {
        if (ids.Length == 0) return runs;
        var byId = new Dictionary<string, ExperimentRun>(StringComparer.Ordinal);
        foreach (var run in runs) byId.TryAdd(run.Id, run);
        return ids.Select(id => byId.TryGetValue(id, out var run) ? run
            : throw new ArgumentException($"run '{id}' is not in {source}; it holds {string.Join(", ", byId.Keys.Order(StringComparer.Ordinal))}.")).ToList();
    }
}
