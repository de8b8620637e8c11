using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Encore.Cli.Output;
using Encore.Core.Files;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;
using Encore.Evaluation.Tuning;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore tune &lt;dataset&gt; --model als|all --budget 40|10m [-o tuned.ini]</c>: searches each model's settings on a
/// validation part carved once from the training data (test untouched), records every trial as a run, prints the best
/// setting per model and writes them to a settings file that train, evaluate and sweep accept (<c>--settings</c>).
/// </summary>
public static class TuneCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder." };
        var model = new Option<string>("--model") { Description = $"Model to tune, comma-separated models, or all ({string.Join(", ", TrainerFactory.Names)}).", Required = true };
        var budget = new Option<string>("--budget") { Description = "Trials (e.g. 40: full-effort trials) or minutes (e.g. 10m); split evenly across models.", DefaultValueFactory = _ => "30" };
        var metric = new Option<string>("--metric") { Description = "Metric to maximise on validation.", DefaultValueFactory = _ => "ndcg@10" };
        var protocol = new Option<string>("--protocol") { Description = "holdout, temporal or given:<folder>; validation is carved from its training part.", DefaultValueFactory = _ => "holdout" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split, the models and the search.", DefaultValueFactory = _ => 42UL };
        var settings = new Option<string[]>("--set") { Description = "Fixed settings: model.key=value, data.key=value, protocol.key=value; repeatable.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "Settings file to write.", DefaultValueFactory = _ => "tuned.ini" };
        var recheck = new Option<int>("--recheck") { Description = "Re-check this many of the best settings (and the defaults) on further carves of the training part and choose there; 0 = choose on the searched carve.", DefaultValueFactory = _ => 5 };
        var recheckCarves = new Option<int>("--recheck-carves") { Description = "Further validation carves (seeds seed+2, seed+3, ...) for the re-check.", DefaultValueFactory = _ => 2 };
        var selection = new Option<string>("--selection") { Description = "Re-check rule: mean (highest mean over the re-check carves) or one-se (the simplest setting within one standard error of it).", DefaultValueFactory = _ => "mean" };
        var markdown = new Option<bool>("--markdown") { Description = "Print tables as Markdown." };
        var store = StoreOption.Create();
        var command = new Command("tune", "Search models' settings on a validation split (seeded random search + successive halving); write the best to a settings file.")
        {
            dataset, model, budget, metric, protocol, seed, settings, recheck, recheckCarves, selection, output, markdown, store,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new TuneRequest(
            parse.GetValue(dataset)!, parse.GetValue(model)!, parse.GetValue(budget)!, parse.GetValue(metric)!, parse.GetValue(protocol)!,
            parse.GetValue(seed), parse.GetValue(settings) ?? [], parse.GetValue(output)!, parse.GetValue(markdown), parse.GetValue(store))
        {
            Recheck = parse.GetValue(recheck),
            RecheckCarves = parse.GetValue(recheckCarves),
            Selection = parse.GetValue(selection)!,
        }, ct))));
        return command;
    }

    internal sealed record TuneRequest(string Dataset, string Models, string Budget, string Metric, string Protocol, ulong Seed,
        string[] Settings, string Output, bool Markdown, string? Store)
    {
        public int Recheck { get; init; } = 5;

        public int RecheckCarves { get; init; } = 2;

        public string Selection { get; init; } = "mean";
    }

    internal static int Run(TuneRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Encore.Core.Files.AtomicFile.CheckTarget(request.Output);
        var names = TrainerFactory.ParseNames(request.Models);
        var ks = EvaluationInputs.CutOffOf(request.Metric);
        EvaluationInputs.CheckMetric(request.Metric, ks);
        var (trials, minutes) = TuneOptions.ParseBudget(request.Budget);
        var settings = EvaluationInputs.ParseSettings(request.Settings);
        var rule = TuneRecheckTable.ParseRule(request.Selection);
        if (request.Recheck < 0) throw new ArgumentException($"--recheck expects a number >= 0, got {request.Recheck}.");
        if (request.RecheckCarves < 1) throw new ArgumentException($"--recheck-carves expects a number >= 1, got {request.RecheckCarves}.");
        // Every setting is checked before the data set is read (a typo once failed only after the load and the carves):
        // the protocol and data settings, the prefixes, and each model's fixed settings on top of its defaults.
        var protocolOptions = EvaluationInputs.Protocol(request.Protocol, request.Seed, "validation", null, settings);
        foreach (var prefix in settings.Keys.Where(p => p is not ("protocol" or "data")))
            if (!names.Contains(prefix, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--set {prefix}.…: model '{prefix}' is not among the tuned models ({string.Join(", ", names)}).");
        foreach (var model in names) TrainerFactory.Create(model, settings.GetValueOrDefault(model), request.Seed);
        var store = StoreOption.Open(request.Store);
        var (dataset, name, hash) = EvaluationInputs.LoadDataset(request.Dataset, ct);
        var protocol = ProtocolPreparer.Prepare(dataset, protocolOptions, ct);
        // Further carves of the same training part, other seeds (the test part is never read). Temporal has one validation slice.
        // Prepared up front, so that a time budget counts their preparation (as it counts loading the data).
        Func<int, PreparedProtocol>? recheckProtocol = null;
        if (request.Recheck > 0 && protocolOptions.Kind == ProtocolKind.Temporal)
            Console.Error.WriteLine("re-check skipped: the temporal protocol has a single validation slice; the best on it is chosen");
        else if (request.Recheck > 0)
        {
            PreparedProtocol[] carves = [.. Enumerable.Range(1, request.RecheckCarves).Select(c =>
                ProtocolPreparer.Prepare(dataset, protocolOptions with { ValidationSeed = unchecked(protocolOptions.EffectiveValidationSeed + (ulong)c) }, ct))];
            recheckProtocol = c => carves[c - 1];
        }
        // A time budget covers the whole command: what loading and carving took is taken off the search (at most 95% of it).
        var setup = clock.Elapsed.TotalMinutes;
        var searchMinutes = minutes is { } m ? Math.Max(0.05 * m, m - setup) : (double?)null;
        Console.Error.WriteLine($"{name}: {protocol.Label}; {protocol.Train.Interactions.NonZeros:N0} training pairs, {protocol.Target.NonZeros:N0} validation pairs");
        EvaluationInputs.PrintConfidenceChoice(protocol.Confidence, EvaluationInputs.ProtocolConfidenceOverride, Console.Error);
        EvaluationInputs.PrintThresholdChoice(protocol.Options, Console.Error);
        names = SideDataScreen.Apply(request.Models, names, protocol.Train, Console.Error);

        var shares = trials is { } budget ? TuneBudget.Split(budget, names.Count) : null;
        if (trials is { } total && TuneBudgetText.Split(total, names, shares!) is { } split) Console.Error.WriteLine(split);
        var results = new List<TuneResult>();
        for (var i = 0; i < names.Count; i++)
        {
            var model = names[i];
            var options = new TuneOptions
            {
                Trials = shares?[i],
                Minutes = searchMinutes / names.Count,
                Seed = request.Seed,
                Metric = request.Metric,
                Fixed = settings.GetValueOrDefault(model),
                Recheck = request.Recheck,
                RecheckCarves = request.RecheckCarves,
                Rule = rule,
                RecheckProtocol = recheckProtocol,
            };
            Console.Error.WriteLine(TuneBudgetText.Plan(model, options.Trials, options.Minutes, recheckProtocol is null ? 0 : request.Recheck, request.RecheckCarves));
            // Each trial's fit and evaluation show progress (a trial can take minutes); its result line ends it.
            using var progress = new ModelProgressLine(stopOn: ct);
            var result = TuneRunner.Run(protocol, model, options,
                new EvaluationSettings { Ks = ks, Dataset = name, DatasetHash = hash, TrainingProgress = progress, StepProgress = progress },
                store, new TrialLine(request.Metric, progress), ct);
            results.Add(result);
        }

        var table = new TextTable($"tuned on {name}: {protocol.Label}", "model", trials is null ? "full-effort trials" : "full-effort trials (of budget)", "runs", $"chosen {request.Metric} (searched carve)", "re-check mean",
            "defaults", "settings", "run");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var defaults = r.Trials[0].Means[request.Metric];
            table.Add(r.Model, TuneBudgetText.Spent(r, shares?[i]), r.Trials.Count.ToString(CultureInfo.InvariantCulture), Numbers.F(r.Best.Means[request.Metric]),
                r.Recheck is { } o ? Numbers.F(o.Chosen.Mean) : "-", Numbers.F(defaults),
                string.Join(" ", r.BestSettings.Select(kv => $"{kv.Key}={kv.Value}")), r.Best.Id);
        }
        table.Print(request.Markdown);
        foreach (var r in results)
            if (r.Recheck is { } outcome)
                TuneRecheckTable.Create(r.Model, request.Metric, outcome, protocolOptions.EffectiveValidationSeed).Print(request.Markdown);

        var sections = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in new[] { "data", "protocol" })
            if (settings.TryGetValue(part, out var fixedPart)) sections[part] = fixedPart;
        foreach (var r in results) sections[r.Model] = r.BestSettings;
        var comments = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"encore tune {name} (content hash {hash}), {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, seed {request.Seed}"),
            $"chosen on: {protocol.Label}",
        };
        comments.AddRange(results.Select(r => TuneRecheckTable.Comment(r, request.Metric)));
        TunedSettingsFile.Write(request.Output, sections, comments);
        Console.WriteLine($"wrote {Path.GetFullPath(request.Output)}; use it with: encore evaluate {ShellWord.Quote(request.Dataset)} --protocol {ShellWord.Quote(request.Protocol)} --models {string.Join(",", names)} --settings {ShellWord.Quote(request.Output)}");
        Console.WriteLine($"recorded {TuneBudgetText.Runs(results)} in {StoreOption.Describe(store)}");
        return ExitCodes.Ok;
    }

    private sealed class TrialLine(string metric, ModelProgressLine progress) : IProgress<ExperimentRun>
    {
        public void Report(ExperimentRun value)
        {
            var varied = string.Join(" ", value.Parameters.Where(kv => kv.Key is not ("seed" or "threads") && !kv.Key.StartsWith("data.", StringComparison.Ordinal))
                .Select(kv => $"{kv.Key}={kv.Value}"));
            progress.Finish($"  {value.Model} {metric} {Numbers.Mean(value, metric)}, fit {Numbers.Seconds(value.FitSeconds)} s: {varied}");
        }
    }
}
