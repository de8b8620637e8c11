using System.CommandLine;
using System.Diagnostics;
using Encore.Cli.Output;
using Encore.Data.Snapshots;
using Encore.Data.Statistics;
using Encore.Data.Synthetic;
using Encore.Evaluation.Reports;
using Encore.Models.Files;
using Encore.Server;
using Spectre.Console;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore demo</c>: the main job on the embedded default. Generates the synthetic music world, writes it
/// as a snapshot and reads it back, prints its statistics, evaluates every model on a per-user 80/20 holdout
/// (the same path as <c>encore evaluate</c>, runs recorded in the demo's run store), writes the HTML report
/// and saves the best model, then serves it with the dashboard until Ctrl+C (<c>--no-serve</c> stops before).
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Working folder for the demo's dataset, runs, report and models.", DefaultValueFactory = _ => "encore-demo" };
        var preset = new Option<string>("--preset") { Description = "World size: tiny, demo, peers, lastfm360k.", DefaultValueFactory = _ => "demo" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random step.", DefaultValueFactory = _ => 42UL };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after saving the best model instead of serving it." };
        var urls = new Option<string>("--urls") { Description = "Where the service listens at the end of the demo.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("demo", "Generate the synthetic world, import it, show statistics, evaluate every model, write the report, then serve the best model with its dashboard.")
        {
            output, preset, seed, noServe, urls,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var output1 = parse.GetValue(output)!;
            var (code, bestModel) = Run(output1, parse.GetValue(preset)!, parse.GetValue(seed), ct);
            if (code != ExitCodes.Ok || bestModel is null || parse.GetValue(noServe)) return code;
            return await Serve(output1, bestModel, parse.GetValue(urls)!, ct);
        }));
        return command;
    }

    /// <summary>Step 7: serve the best model on the demo's own store, with the dataset as the base, until Ctrl+C.</summary>
    private static async Task<int> Serve(string output, string modelPath, string urls, CancellationToken ct)
    {
        var dashboard = urls.Split(';')[0].TrimEnd('/') + "/dashboard/";
        AnsiConsole.MarkupLine($"[bold]7. serve[/]: the API and the dashboard at [link]{Markup.Escape(dashboard)}[/] (Ctrl+C to stop)");
        return await EncoreServer.RunAsync(
        [
            "--urls", urls, "--model", $"main={modelPath}",
            "--Store:Path", Path.Combine(output, "service.db"), "--Models:Directory", Path.Combine(output, "service-models"),
            "--Dataset:Base", Path.Combine(output, "world"), "--Runs:Path", Path.Combine(output, "encore.db"), "--Server:JsonLogs", "false",
        ], ct);
    }

    internal static (int Code, string? BestModelPath) Run(string output, string preset, ulong seed, CancellationToken ct)
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
        string? modelPath = null;
        if (best is not null)
        {
            modelPath = Path.Combine(output, "models", $"{best.Model}.bin");
            ModelFile.Save(models[best.Model], modelPath);
            AnsiConsole.MarkupLine($"[bold]6. saved[/] the best model ({Markup.Escape(best.Model)}, NDCG@10 {best.Means["ndcg@10"]:0.0000}) to {Markup.Escape(modelPath)}");
        }
        AnsiConsole.MarkupLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return (ExitCodes.Ok, modelPath);
    }
}
