using System.CommandLine;
using System.Diagnostics;
using Encore.Cli.Output;
using Encore.Data.Snapshots;
using Encore.Data.Statistics;
using Encore.Data.Synthetic;
using Encore.Evaluation.Reports;
using Encore.Models.Files;
using Spectre.Console;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore demo</c>: the main job on the embedded default. Generates the synthetic music world, writes it
/// as a snapshot and reads it back, prints its statistics, evaluates every model on a per-user 80/20 holdout
/// (the same path as <c>encore evaluate</c>, runs recorded in the demo's run store), writes the HTML report
/// and saves the best model.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Working folder for the demo's dataset, runs, report and models.", DefaultValueFactory = _ => "encore-demo" };
        var preset = new Option<string>("--preset") { Description = "World size: tiny, demo, peers, lastfm360k.", DefaultValueFactory = _ => "demo" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random step.", DefaultValueFactory = _ => 42UL };
        var command = new Command("demo", "Generate the synthetic world, import it, show statistics, evaluate every model, write the report, save the best model.") { output, preset, seed };
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

        AnsiConsole.MarkupLine("[bold]4. train and evaluate[/] every model: per-user 80/20 holdout, full ranking, seen items excluded");
        var store = Path.Combine(output, "encore.db");
        var (runs, models) = EvaluateCommand.Execute(new EvaluateCommand.EvaluateRequest(
            datasetFolder, EvaluateCommand.DefaultModels, "holdout", "test", "5,10,30", seed, [], null, Groups: true, null,
            "ndcg@10", Markdown: false, store), ct);

        var reportPath = Path.Combine(output, "report.html");
        HtmlReport.Write(runs, reportPath, new ReportOptions { Title = $"Encore demo: synthetic world ({preset}, seed {seed})" });
        AnsiConsole.MarkupLine($"[bold]5. report[/] written to {Markup.Escape(reportPath)}");

        var best = runs.Where(r => models.ContainsKey(r.Model)).MaxBy(r => r.Means.GetValueOrDefault("ndcg@10"));
        if (best is not null)
        {
            var modelPath = Path.Combine(output, "models", $"{best.Model}.bin");
            ModelFile.Save(models[best.Model], modelPath);
            AnsiConsole.MarkupLine($"[bold]6. saved[/] the best model ({Markup.Escape(best.Model)}, NDCG@10 {best.Means["ndcg@10"]:0.0000}) to {Markup.Escape(modelPath)}");
        }
        AnsiConsole.MarkupLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return ExitCodes.Ok;
    }
}
