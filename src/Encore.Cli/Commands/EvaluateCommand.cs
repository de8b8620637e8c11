using System.CommandLine;
using System.Diagnostics;
using Encore.Cli.Output;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;
using Encore.Models.Contract;
using Spectre.Console;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore evaluate &lt;dataset&gt;</c>: trains the chosen models under one protocol, prints the leaderboard
/// (95% intervals, timings) and a paired test of the best against the runner-up, optionally the group
/// protocol, and records every run in the run store.
/// </summary>
public static class EvaluateCommand
{
    internal const string DefaultModels = "popularity,item-knn,user-knn,als,bpr,lmf";

    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder (from import or synth)." };
        var models = new Option<string>("--models") { Description = $"Comma-separated models or 'all' ({string.Join(", ", TrainerFactory.Names)}).", DefaultValueFactory = _ => DefaultModels };
        var protocol = new Option<string>("--protocol") { Description = "holdout (per-user 80/20), temporal (train/validation/test by time) or given:<folder> (train.tsv + test.tsv).", DefaultValueFactory = _ => "holdout" };
        var on = new Option<string>("--on") { Description = "Score the test part or a validation part (carved from train; for choosing settings).", DefaultValueFactory = _ => "test" };
        var ks = new Option<string>("--k") { Description = "Cut-offs.", DefaultValueFactory = _ => "5,10,30" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split, the models and the bootstrap.", DefaultValueFactory = _ => 42UL };
        var settings = new Option<string[]>("--set") { Description = "model.key=value (als.factors=128), protocol.threshold=2, protocol.test-fraction=0.1, data.confidence=log1p; repeatable.", AllowMultipleArgumentsPerToken = true };
        var sampled = new Option<int?>("--sampled") { Description = "Rank held-out items among N sampled negatives instead of the full catalogue (labelled in the protocol)." };
        var groups = new Option<bool>("--groups") { Description = "Also run the group protocol (10 seeded groups of 5) with every group strategy." };
        var groupModel = new Option<string?>("--group-model") { Description = "Model behind the group strategies (default: the best by --metric)." };
        var metric = new Option<string>("--metric") { Description = "Metric that ranks the leaderboard and the paired comparison.", DefaultValueFactory = _ => "ndcg@10" };
        var markdown = new Option<bool>("--markdown") { Description = "Print tables as Markdown (for results files)." };
        var store = StoreOption.Create();
        var command = new Command("evaluate", "Train and evaluate models under one protocol; print the leaderboard and record the runs.")
        {
            dataset, models, protocol, on, ks, seed, settings, sampled, groups, groupModel, metric, markdown, store,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new EvaluateRequest(
            parse.GetValue(dataset)!, parse.GetValue(models)!, parse.GetValue(protocol)!, parse.GetValue(on)!, parse.GetValue(ks)!,
            parse.GetValue(seed), parse.GetValue(settings) ?? [], parse.GetValue(sampled), parse.GetValue(groups), parse.GetValue(groupModel),
            parse.GetValue(metric)!, parse.GetValue(markdown), parse.GetValue(store)), ct))));
        return command;
    }

    internal sealed record EvaluateRequest(string Dataset, string Models, string Protocol, string On, string Ks, ulong Seed, string[] Settings,
        int? Sampled, bool Groups, string? GroupModel, string Metric, bool Markdown, string? Store);

    internal static int Run(EvaluateRequest request, CancellationToken ct)
    {
        Execute(request, ct);
        return ExitCodes.Ok;
    }

    /// <summary>Runs the evaluation (printing as it goes) and returns the recorded runs and the fitted models by name.</summary>
    internal static (IReadOnlyList<ExperimentRun> Runs, IReadOnlyDictionary<string, IRecommender> Models) Execute(EvaluateRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var ks = EvaluationInputs.ParseKs(request.Ks);
        var settings = EvaluationInputs.ParseSettings(request.Settings);
        var names = TrainerFactory.ParseNames(request.Models);
        foreach (var prefix in settings.Keys.Where(p => p is not ("protocol" or "data")))
            if (!names.Contains(prefix, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--set {prefix}.…: model '{prefix}' is not among the evaluated models ({string.Join(", ", names)}).");
        // Build every trainer first: a bad setting fails before any data is read.
        var candidates = names.Select(name =>
        {
            var (trainer, parameters) = TrainerFactory.Create(name, settings.GetValueOrDefault(name), request.Seed);
            return new ModelCandidate(name, trainer, parameters);
        }).ToList();
        var store = StoreOption.Open(request.Store);

        var (dataset, datasetName, hash) = EvaluationInputs.LoadDataset(request.Dataset, ct);
        var options = EvaluationInputs.Protocol(request.Protocol, request.Seed, request.On, request.Sampled, settings);
        var protocol = ProtocolPreparer.Prepare(dataset, options, ct);
        Console.Error.WriteLine($"{datasetName}: {protocol.Label}; {protocol.Train.UserCount:N0} users x {protocol.Train.ItemCount:N0} items, {protocol.Train.Interactions.NonZeros:N0} training pairs, {protocol.Target.NonZeros:N0} relevant held-out pairs");

        var evaluation = new EvaluationSettings
        {
            Ks = ks,
            Dataset = datasetName,
            DatasetHash = hash,
            TrainingProgress = new EpochLine(),
        };
        var pipeline = new EvaluationPipeline(evaluation);
        var runs = new List<ExperimentRun>();
        var fitted = new Dictionary<string, IRecommender>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var (run, model) = pipeline.Evaluate(protocol, candidate, ct);
            Console.Error.WriteLine($"{candidate.Name}: fit {Numbers.Seconds(run.FitSeconds)} s, evaluate {Numbers.Seconds(run.EvaluateSeconds)} s, {request.Metric} {Numbers.Mean(run, request.Metric)}");
            runs.Add(run);
            fitted[candidate.Name] = model;
        }
        RunLeaderboardPrinter.Print(runs, ks, request.Metric, $"{datasetName}: {protocol.Label}", request.Markdown);
        ProtocolStatisticsPrinter.Print(protocol, request.Markdown);
        PrintComparison(runs, request.Metric, request.Seed, request.Markdown);

        if (request.Groups)
        {
            var baseName = request.GroupModel ?? runs.MaxBy(r => r.Means.GetValueOrDefault(request.Metric))!.Model;
            if (!fitted.TryGetValue(baseName, out var baseModel))
                throw new ArgumentException($"--group-model '{baseName}' is not among the evaluated models ({string.Join(", ", fitted.Keys)}).");
            var groupRuns = GroupProtocol.Run(protocol, baseModel, evaluation);
            GroupResultsPrinter.Print(groupRuns, ks, $"group protocol: 10 seeded groups of 5, strategies over {baseName}", request.Markdown);
            runs.AddRange(groupRuns);
        }

        store.Save(runs);
        Console.WriteLine($"recorded {runs.Count} runs in {StoreOption.Describe(store)}:");
        foreach (var run in runs) Console.WriteLine($"  {run.Id}  {run.Model}");
        Console.Error.WriteLine($"done in {Numbers.Seconds(clock.Elapsed.TotalSeconds)} s");
        return (runs, fitted);
    }

    private static void PrintComparison(List<ExperimentRun> runs, string metric, ulong seed, bool markdown)
    {
        if (runs.Count < 2) return;
        if (!runs[0].PerUser.ContainsKey(metric))
        {
            AnsiConsole.MarkupLine($"[grey]no paired comparison: '{Markup.Escape(metric)}' has no per-user values.[/]");
            return;
        }
        var ranked = runs.OrderByDescending(r => r.Means[metric]).ToList();
        var (best, runnerUp) = (ranked[0], ranked[1]);
        ComparisonPrinter.Print(runnerUp, best, metric, RunComparison.Compare(runnerUp, best, metric, seed), markdown);
    }

    // One stderr line per epoch keeps long fits visibly alive without a live display.
    private sealed class EpochLine : IProgress<(string Model, EpochReport Epoch)>
    {
        public void Report((string Model, EpochReport Epoch) value)
        {
            var (model, epoch) = value;
            var loss = double.IsNaN(epoch.Loss) ? "" : $", loss {Numbers.F(epoch.Loss, "0.####")}";
            Console.Error.WriteLine($"  {model} epoch {epoch.Epoch}/{epoch.TotalEpochs}, {Numbers.Seconds(epoch.Elapsed.TotalSeconds)} s{loss}");
        }
    }
}
