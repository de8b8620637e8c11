using System.CommandLine;
using Encore.Cli.Output;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Commands;

/// <summary><c>encore runs compare &lt;a&gt; &lt;b&gt;</c>: paired significance test of two runs over their common users.</summary>
public static class RunsCompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "First run id." };
        var b = new Argument<string>("b") { Description = "Second run id (differences are b - a)." };
        var metric = new Option<string?>("--metric") { Description = $"Per-user metric to compare (default {RunsListCommand.DefaultMetric}; for runs without it, the headline both carry per user: accuracy for six-candidate runs, ndcg@500 for the playlist challenge)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the bootstrap and permutation test.", DefaultValueFactory = _ => 42UL };
        var markdown = new Option<bool>("--markdown") { Description = "Print as Markdown." };
        var store = StoreOption.Create();
        var command = new Command("compare", "Paired test (bootstrap CI, sign-flip permutation, Wilcoxon) of two runs over their common users.")
        {
            a, b, metric, seed, markdown, store,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(
            parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(metric), parse.GetValue(seed), parse.GetValue(markdown), parse.GetValue(store)))));
        return command;
    }

    internal static int Run(string idA, string idB, string? metric, ulong seed, bool markdown, string? storePath)
    {
        var store = StoreOption.OpenExisting(storePath);
        var a = StoreOption.Get(store, idA);
        var b = StoreOption.Get(store, idB);
        if (metric is null)
        {
            metric = DefaultMetric(a, b);
            if (metric != RunsListCommand.DefaultMetric) Console.WriteLine($"comparing {metric}: the runs carry no per-user {RunsListCommand.DefaultMetric} (--metric chooses another).");
        }
        ComparisonPrinter.Print(a, b, metric, RunComparison.Compare(a, b, metric, seed), markdown);
        return ExitCodes.Ok;
    }

    // Runs list's default, or for runs without it (six-candidate, playlist challenge) the first of its headlines that both runs
    // carry per user: comparing two six-candidate runs used to fail "no per-user values of ndcg@10" unless --metric was given.
    internal static string DefaultMetric(ExperimentRun a, ExperimentRun b)
    {
        bool Both(string m) => a.PerUser.ContainsKey(m) && b.PerUser.ContainsKey(m);
        if (Both(RunsListCommand.DefaultMetric)) return RunsListCommand.DefaultMetric;
        foreach (var (key, _) in RunsListCommand.Headlines)
            if (Both(key)) return key;
        return RunsListCommand.DefaultMetric;
    }
}
