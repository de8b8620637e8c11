using System.CommandLine;
using System.Diagnostics;
using Encore.Cli.Output;
using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Snapshots;
using Encore.Data.Splits;
using Encore.Data.Statistics;
using Encore.Data.Synthetic;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Statistics;
using Encore.Models;
using Encore.Models.Contract;
using Encore.Models.Files;
using Spectre.Console;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore demo</c>: the main job on the embedded default. Generates the synthetic music world, writes it
/// as a snapshot and reads it back, prints its statistics, then trains every model on a per-user 80/20
/// holdout, evaluates them with full ranking and saves the best one.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Working folder for the demo's dataset and models.", DefaultValueFactory = _ => "encore-demo" };
        var preset = new Option<string>("--preset") { Description = "World size: tiny, demo, peers, lastfm360k.", DefaultValueFactory = _ => "demo" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random step.", DefaultValueFactory = _ => 42UL };
        var command = new Command("demo", "Generate the synthetic world, import it, show statistics, train and evaluate every model.") { output, preset, seed };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(
            parse.GetValue(output)!, parse.GetValue(preset)!, parse.GetValue(seed), ct))));
        return command;
    }

    internal static int Run(string output, string preset, ulong seed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        AnsiConsole.MarkupLine($"[bold]1. generate[/] the synthetic music world (preset {Markup.Escape(preset)}, seed {seed})");
        var world = SyntheticWorld.Generate(SynthCommand.Options(preset, seed), ct);

        var datasetFolder = Path.Combine(output, "world");
        AnsiConsole.MarkupLine($"[bold]2. import[/]: write the snapshot to {Markup.Escape(datasetFolder)} and read it back");
        var manifest = DatasetSnapshot.Write(world.Dataset, datasetFolder, TimeProvider.System, ct);
        var dataset = DatasetSnapshot.Read(datasetFolder, ct);
        AnsiConsole.MarkupLine($"   content hash {manifest.ContentHash[..16]}");

        AnsiConsole.MarkupLine("[bold]3. statistics[/]");
        StatisticsPrinter.Print(DatasetStatistics.Compute(dataset), "synthetic world");

        AnsiConsole.MarkupLine("[bold]4. train and evaluate[/]: plays + likes per (user, track), per-user 80/20 holdout, full ranking, seen excluded");
        var matrix = InteractionAggregator.Aggregate(dataset);
        var split = new UserRandomHoldoutSplit(0.2, seed).Split(matrix);
        var train = new TrainingData(split.Train, matrix.Users, matrix.Items);
        var rows = new List<LeaderboardRow>();
        IRecommender? best = null;
        var bestNdcg = double.NegativeInfinity;
        foreach (var (name, trainer) in ModelCatalog.DemoTrainers(seed))
        {
            var fit = Stopwatch.StartNew();
            var model = trainer.Fit(train, null, ct);
            var fitSeconds = fit.Elapsed.TotalSeconds;
            var eval = Stopwatch.StartNew();
            var table = FullRankingEvaluator.Evaluate(model, split.Test, [10], split.Train, cancellationToken: ct);
            var ndcg = BootstrapInterval.OfMean(table["ndcg@10"], seed: seed);
            rows.Add(new LeaderboardRow(name, fitSeconds, eval.Elapsed.TotalSeconds, table.Mean("precision@10"), table.Mean("recall@10"), ndcg, table.Mean("hitrate@10"), table.Users.Length));
            if (ndcg.Mean > bestNdcg)
            {
                bestNdcg = ndcg.Mean;
                best = model;
            }
        }
        LeaderboardPrinter.Print(rows, "synthetic world, per-user 80/20 holdout, k = 10");

        if (best is not null)
        {
            var modelPath = Path.Combine(output, "models", $"{best.ModelName}.bin");
            ModelFile.Save(best, modelPath);
            AnsiConsole.MarkupLine($"[bold]5. saved[/] the best model ({Markup.Escape(best.ModelName)}) to {Markup.Escape(modelPath)}");
        }
        AnsiConsole.MarkupLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return ExitCodes.Ok;
    }
}
