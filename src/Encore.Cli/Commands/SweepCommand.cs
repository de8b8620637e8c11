using System.CommandLine;
using Encore.Cli.Output;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;
using Encore.Evaluation.Sweeps;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore sweep &lt;dataset&gt; --model als --grid factors=32,64 regularization=0.01,0.1 [--random N]</c>: grid or
/// seeded random search over one model's settings, on a validation part by default (test never chooses),
/// each setting recorded as a run with a shared sweep id; prints the table and the best setting.
/// </summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder." };
        var model = new Option<string>("--model") { Description = "Model to tune.", Required = true };
        var grid = new Option<string[]>("--grid") { Description = "key=v1,v2,... terms (e.g. factors=32,64 regularization=0.01,0.1).", Required = true, AllowMultipleArgumentsPerToken = true };
        var random = new Option<int?>("--random") { Description = "Try N settings drawn from the grid (seeded) instead of all of them." };
        var metric = new Option<string>("--metric") { Description = "Metric to maximise.", DefaultValueFactory = _ => "ndcg@10" };
        var protocol = new Option<string>("--protocol") { Description = "holdout, temporal or given:<folder>.", DefaultValueFactory = _ => "holdout" };
        var on = new Option<string>("--on") { Description = "validation (default: carved from train, test untouched) or test.", DefaultValueFactory = _ => "validation" };
        var ks = new Option<string>("--k") { Description = "Cut-offs.", DefaultValueFactory = _ => "5,10,30" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split, the models and the random search; bpr and lmf repeat exactly only with --threads 1 (their parallel updates race).", DefaultValueFactory = _ => 42UL };
        var settings = new Option<string[]>("--set") { Description = "Fixed settings: key=value for the model, protocol.key=value, data.key=value; repeatable.", AllowMultipleArgumentsPerToken = true };
        var markdown = new Option<bool>("--markdown") { Description = "Print tables as Markdown." };
        var store = StoreOption.Create();
        var command = new Command("sweep", "Grid or random search over a model's settings; every setting is recorded as a run.")
        {
            dataset, model, grid, random, metric, protocol, on, ks, seed, settings, markdown, store,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new SweepRequest(
            parse.GetValue(dataset)!, parse.GetValue(model)!, parse.GetValue(grid)!, parse.GetValue(random), parse.GetValue(metric)!,
            parse.GetValue(protocol)!, parse.GetValue(on)!, parse.GetValue(ks)!, parse.GetValue(seed), parse.GetValue(settings) ?? [],
            parse.GetValue(markdown), parse.GetValue(store)), ct))));
        return command;
    }

    internal sealed record SweepRequest(string Dataset, string Model, string[] Grid, int? Random, string Metric, string Protocol, string On,
        string Ks, ulong Seed, string[] Settings, bool Markdown, string? Store);

    internal static int Run(SweepRequest request, CancellationToken ct)
    {
        var grid = SweepGrid.Parse(request.Grid);
        if (request.Random is < 1) throw new ArgumentException($"--random expects a number of settings of at least 1, got {request.Random}.");
        var settingsList = request.Random is { } n ? grid.Sample(n, request.Seed) : grid.All();
        var ks = EvaluationInputs.ParseKs(request.Ks);
        request = request with { Metric = EvaluationInputs.MetricFor(request.Metric, ks) };
        EvaluationInputs.CheckMetric(request.Metric, ks);
        var settings = EvaluationInputs.ParseSettings(request.Settings, defaultPrefix: request.Model);
        // Every option, grid key and value is checked before the data set is read (a typo in the grid once failed
        // only after the load): the protocol and data settings, the prefixes, and a trainer for every setting.
        var protocolOptions = EvaluationInputs.Protocol(request.Protocol, request.Seed, request.On, null, settings);
        var model = TrainerFactory.ParseNames(request.Model) is [var single] ? single
            : throw new ArgumentException($"--model takes one model, got '{request.Model}'.");
        foreach (var prefix in settings.Keys.Where(p => p is not ("protocol" or "data")))
            if (!string.Equals(prefix, model, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"--set {prefix}.…: model '{prefix}' is not the swept model ({model}).");
        SweepRunner.Check(model, settingsList, settings.GetValueOrDefault(model), request.Seed);
        var store = StoreOption.Open(request.Store);
        var (dataset, name, hash) = EvaluationInputs.LoadDataset(request.Dataset, ct);
        var protocol = ProtocolPreparer.Prepare(dataset, protocolOptions, ct);
        Console.Error.WriteLine($"{name}: {protocol.Label}; sweeping {settingsList.Count} of {grid.Size} settings of {request.Model}");
        EvaluationInputs.PrintConfidenceChoice(protocol.Confidence, EvaluationInputs.ProtocolConfidenceOverride, Console.Error);
        EvaluationInputs.PrintThresholdChoice(protocol.Options, Console.Error);

        // Each setting's fit and evaluation show progress (a trial can take minutes); its result line ends it.
        using var progress = new ModelProgressLine(stopOn: ct);
        var result = SweepRunner.Run(protocol, request.Model, settingsList, request.Metric,
            new EvaluationSettings { Ks = ks, Dataset = name, DatasetHash = hash, TrainingProgress = progress, StepProgress = progress },
            settings.GetValueOrDefault(request.Model), store, new RunLine(request.Metric, grid, progress), ct);

        RunLeaderboardPrinter.Print(result.Runs, ks, request.Metric, $"sweep {result.SweepId} of {request.Model} on {name}: {protocol.Label}", request.Markdown, run => Varied(run, grid));
        var best = result.Best;
        Console.WriteLine($"best {request.Metric} = {Numbers.F(best.Means[request.Metric])}: {Varied(best, grid)} (run {best.Id})");
        Console.WriteLine($"recorded {result.Runs.Count} runs with sweep id {result.SweepId} in {StoreOption.Describe(store)}");
        return ExitCodes.Ok;
    }

    private static string Varied(ExperimentRun run, SweepGrid grid) => string.Join(" ", grid.Axes.Select(a =>
    {
        var key = run.Parameters.Keys.FirstOrDefault(k => Loose(k) == Loose(a.Key)) ?? a.Key;
        return $"{a.Key}={run.Parameters.GetValueOrDefault(key, "?")}";
    }));

    private static string Loose(string key) => key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private sealed class RunLine(string metric, SweepGrid grid, ModelProgressLine progress) : IProgress<ExperimentRun>
    {
        public void Report(ExperimentRun value) =>
            progress.Finish($"  {Varied(value, grid)}: {metric} {Numbers.Mean(value, metric)}, fit {Numbers.Seconds(value.FitSeconds)} s ({value.Id})");
    }
}
