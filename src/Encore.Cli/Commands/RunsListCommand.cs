using System.CommandLine;
using System.Globalization;
using Encore.Cli.Output;
using Encore.Evaluation.Runs;
using Encore.Models.Training;

namespace Encore.Cli.Commands;

/// <summary><c>encore runs list</c>: recorded runs, oldest first, optionally filtered by model, sweep or kind.</summary>
public static class RunsListCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Only runs of this model." };
        var sweep = new Option<string?>("--sweep") { Description = "Only runs of this sweep id." };
        var kind = new Option<string?>("--kind") { Description = $"Only runs of this kind: {string.Join(", ", Kinds)}." };
        var last = new Option<int?>("--last") { Description = "Only the N most recent runs." };
        var metric = new Option<string?>("--metric") { Description = $"Metric column to show (default {DefaultMetric}; a run without it shows its own headline, named: group P, accuracy, regret, ctr, ndcg@500). A metric none of the listed runs measured is refused, naming theirs." };
        var markdown = new Option<bool>("--markdown") { Description = "Print as Markdown." };
        var store = StoreOption.Create();
        var command = new Command("list", "List recorded runs. A * after the model name marks a run its seed does not repeat (BPR / LMF on more than one thread; runs show gives the reason).") { model, sweep, kind, last, metric, markdown, store };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(
            new RunQuery { Model = parse.GetValue(model), SweepId = parse.GetValue(sweep), Kind = parse.GetValue(kind), Last = parse.GetValue(last) },
            parse.GetValue(metric), parse.GetValue(markdown), parse.GetValue(store)))));
        return command;
    }

    /// <summary>The kinds of run the commands record (evaluate also records six-candidate and playlist runs).</summary>
    internal static readonly string[] Kinds = ["evaluate", "group", "sweep", "tune", Evaluation.Bandits.BanditRuns.SimulationKind, Evaluation.Bandits.BanditRuns.ReplayKind];

    internal const string DefaultMetric = "ndcg@10";

    // What a run that lacks the column's metric shows instead, named, in this order: six-candidate and sampled-negatives runs
    // (accuracy), bandit simulations (regret after the last round), bandit replays (ctr), playlist-challenge runs (ndcg@500).
    // They used to show "-" under the default ndcg@10, so a store of those runs listed no figure at all.
    internal static readonly (string Key, string Label)[] Headlines =
        [(Evaluation.Protocols.SixCandidate.SixCandidateRuns.Accuracy, "accuracy"), ("final-regret", "regret"), (Evaluation.Bandits.BanditRuns.Ctr, "ctr"), ("ndcg@500", "ndcg@500")];

    /// <param name="query">Filters.</param>
    /// <param name="metric">The --metric given, or null for <see cref="DefaultMetric"/>.</param>
    /// <param name="markdown">Print as Markdown.</param>
    /// <param name="storePath">The run store.</param>
    internal static int Run(RunQuery query, string? metric, bool markdown, string? storePath)
    {
        if (query.Last is < 1) throw new ArgumentException($"--last expects a number of runs of at least 1, got {query.Last}.");
        var store = StoreOption.OpenExisting(storePath);
        var runs = store.List(query);
        if (runs.Count == 0 && (query.Model ?? query.Kind ?? query.SweepId) is not null) NoMatch(store, query);
        var column = metric ?? DefaultMetric;
        // A --metric that none of the listed runs measured (a typo such as ndcg10, or p@99) printed a column of "-" and exit 0;
        // `encore report --metric` refuses the same mistake, naming what the runs measured.
        if (metric is not null && runs.Count > 0 && !runs.Any(r => Cell(r, column).Measured))
        {
            var measured = runs.SelectMany(r => r.Means.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw new ArgumentException($"--metric '{metric}' is in none of the {runs.Count} runs listed; they measured {string.Join(", ", measured)}.");
        }
        var table = new TextTable($"{runs.Count} runs in {StoreOption.Describe(store)}", "id", "started (UTC)", "kind", "sweep", "model", "confidence", "dataset", "protocol", column, "fit s");
        var headlines = false;
        foreach (var r in runs)
        {
            var (text, measured) = Cell(r, column);
            if (!measured)
                foreach (var (key, label) in Headlines)
                    if (r.Means.TryGetValue(key, out var h))
                    {
                        (text, headlines) = ($"{label} {Numbers.F(h)}", true);
                        break;
                    }
            table.Add(r.Id, r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Kind, r.SweepId ?? "",
                ModelLabel(r), InputLabel(r), r.Dataset, Shorten(r.Protocol), text, Numbers.Seconds(r.FitSeconds));
        }
        table.Print(markdown);
        if (headlines)
            Console.WriteLine($"runs without {column} show their own headline metric, named in the cell (`encore runs show <id>` lists every metric of a run).");
        if (runs.Any(r => r.Parameters.ContainsKey(Repeatability.Key)))
            Console.WriteLine($"{NotRepeatableMark} not repeatable bit for bit with its seed (more than one thread); `encore runs show <id>` gives the reason.");
        return ExitCodes.Ok;
    }

    // The column's value of one run: the metric itself, or for a group run the group precision at the metric's cut-off.
    private static (string Text, bool Measured) Cell(ExperimentRun run, string metric) =>
        run.Means.TryGetValue(metric, out var v) ? (Numbers.F(v), true)
        : run.Means.TryGetValue($"group-precision@{metric.Split('@').Last()}", out var g) ? ($"group P {Numbers.F(g)}", true)
        : ("-", false);

    /// <summary>A filter that matched nothing: says on stderr what the store does hold, so a typo is not read as "no runs".</summary>
    private static void NoMatch(IRunStore store, RunQuery query)
    {
        var all = store.List();
        static string Values(IEnumerable<string?> values) => string.Join(", ", values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var held = new List<string>();
        if (query.Kind is not null) held.Add($"kinds {Values(all.Select(r => r.Kind))}");
        if (query.Model is not null) held.Add($"models {Values(all.Select(r => r.Model))}");
        if (query.SweepId is not null) held.Add($"sweeps {Values(all.Select(r => r.SweepId))}");
        Console.Error.WriteLine(all.Count == 0
            ? $"note: {StoreOption.Describe(store)} holds no runs at all."
            : $"note: no run matches; the {all.Count} runs of {StoreOption.Describe(store)} have {string.Join("; ", held)}.");
    }

    private const string NotRepeatableMark = "*";

    // The model name, marked when the run's seed does not repeat it (issue 12 item 10).
    // The data's confidence transform, and the model's own input setting when it is not the default (docs/aggregation.md, "Per-model input").
    internal static string InputLabel(ExperimentRun run)
    {
        var confidence = run.Parameters.GetValueOrDefault("data.confidence", "-");
        var label = run.Parameters.TryGetValue(Models.Training.ModelInput.Key, out var input) && input != Models.Training.ModelInput.Values[0]
            ? $"{confidence}, input {input}"
            : confidence;
        // The relevance threshold when it was set or chosen ("threshold 4 (auto)"): the protocol column is cut before it.
        return run.Parameters.TryGetValue(Evaluation.Protocols.EvaluationPipeline.ThresholdKey, out var threshold) ? $"{label}, threshold {threshold}" : label;
    }

    private static string ModelLabel(ExperimentRun run) =>
        run.Parameters.ContainsKey(Repeatability.Key) ? run.Model + NotRepeatableMark : run.Model;

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
