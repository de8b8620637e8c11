using System.CommandLine;
using System.Diagnostics;
using Encore.Cli.Output;
using Encore.Data.Model;
using Encore.Data.Snapshots;
using Encore.Data.Statistics;
using Encore.Data.Synthetic;
using Encore.Evaluation.Reports;
using Encore.Evaluation.Runs;
using Encore.Models.Contract;
using Encore.Server;
using Spectre.Console;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore demo</c>: the main job on the embedded default. Generates the synthetic music world, writes it
/// as a snapshot and reads it back, prints its statistics, evaluates the six default models of evaluate on a per-user 80/20 holdout
/// (the same path as <c>encore evaluate</c>, runs recorded in the demo's run store), writes the HTML report,
/// registers every trained model in the demo's service store (each linked to its evaluation run; the best
/// model that can find similar tracks and explain is the default), then serves them with the dashboard
/// until Ctrl+C (<c>--no-serve</c> stops before). The demo folder is rebuilt on every run (its write key
/// is kept), so running the demo twice gives the same runs and models, not twice as many.
/// </summary>
/// <remarks>
/// Each section is one method taking the <see cref="DemoContext"/>; sections are numbered as they print, so
/// a new section is one method and one line in <see cref="Run"/>.
/// </remarks>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Working folder for the demo's dataset, runs, report, models and service store (rebuilt on every run; the write key is kept).", DefaultValueFactory = _ => "encore-demo" };
        var preset = new Option<string>("--preset") { Description = "World size: tiny, demo, peers, lastfm360k.", DefaultValueFactory = _ => "demo" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random step.", DefaultValueFactory = _ => 42UL };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after registering the models instead of serving them." };
        var urls = new Option<string>("--urls") { Description = "Where the service listens at the end of the demo.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("demo", "Generate the synthetic world, import it, show statistics, evaluate the six default models (popularity, item-knn, user-knn, als, bpr, lmf), write the report, register the models, then serve them with the dashboard.")
        {
            output, preset, seed, noServe, urls,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var context = new DemoContext(parse.GetValue(output)!, parse.GetValue(preset)!, parse.GetValue(seed), parse.GetValue(urls)!);
            // A port another process holds is found before the pipeline, not after it.
            if (!parse.GetValue(noServe) && EncoreServer.AddressesInUse(context.Urls) is { Count: > 0 } inUse)
            {
                foreach (var problem in inUse) Console.Error.WriteLine($"error: configuration: {problem} (or run the demo with --no-serve)");
                return ExitCodes.Usage;
            }
            var code = Run(context, ct);
            if (code != ExitCodes.Ok || context.DefaultModel is null || parse.GetValue(noServe)) return code;
            return await Serve(context, ct);
        }));
        return command;
    }

    /// <summary>Every section up to (not including) serving; the context then holds the service's settings.</summary>
    internal static int Run(DemoContext demo, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        DemoFolder.Reset(demo.Output);
        Generate(demo, ct);
        Import(demo, ct);
        Statistics(demo);
        Evaluate(demo, ct);
        Report(demo);
        Register(demo);
        TextLine.Write($"[bold]demo finished[/] in {clock.Elapsed.TotalSeconds:F1} s: {demo.Runs.Count(r => demo.Models.ContainsKey(r.Model))} models evaluated and registered, report at {Markup.Escape(demo.ReportPath)}");
        return ExitCodes.Ok;
    }

    private static void Generate(DemoContext demo, CancellationToken ct)
    {
        demo.Section("generate", $"the synthetic music world (preset {demo.Preset}, seed {demo.Seed})");
        demo.World = SyntheticWorld.Generate(SynthCommand.Options(demo.Preset, demo.Seed), ct).Dataset;
    }

    private static void Import(DemoContext demo, CancellationToken ct)
    {
        demo.Section("import", $"write the snapshot to {demo.DatasetFolder} and read it back");
        var manifest = DatasetSnapshot.Write(demo.World, demo.DatasetFolder, TimeProvider.System, ct);
        demo.World = DatasetSnapshot.Read(demo.DatasetFolder, ct);
        TextLine.Write($"   content hash {manifest.ContentHash[..16]}");
    }

    private static void Statistics(DemoContext demo)
    {
        demo.Section("statistics", "of the world");
        StatisticsPrinter.Print(DatasetStatistics.Compute(demo.World), "synthetic world");
    }

    private static void Evaluate(DemoContext demo, CancellationToken ct)
    {
        demo.Section("train and evaluate", "the six default models: per-user 80/20 holdout, full ranking, seen items excluded");
        var (runs, models) = EvaluateCommand.Execute(new EvaluateCommand.EvaluateRequest(
            demo.DatasetFolder, EvaluateCommand.DefaultModels, "holdout", "test", "5,10,30", demo.Seed, [], null, Groups: true, null,
            "ndcg@10", Markdown: false, demo.RunStorePath), ct, printTotal: false);
        demo.Runs = runs;
        demo.Models = models;
    }

    private static void Report(DemoContext demo)
    {
        demo.Section("report", $"written to {demo.ReportPath}");
        HtmlReport.Write(demo.Runs, demo.ReportPath, new ReportOptions { Title = $"Encore demo: synthetic world ({demo.Preset}, seed {demo.Seed})" });
    }

    private static void Register(DemoContext demo)
    {
        var registered = DemoModels.Register(demo);
        demo.Section("register", $"{registered.Count} models in the service store {demo.ServiceStorePath}, each linked to its evaluation run");
        foreach (var line in registered) TextLine.Write($"   {Markup.Escape(line)}");
    }

    /// <summary>The last section: serve every registered model with the demo's key until Ctrl+C.</summary>
    private static async Task<int> Serve(DemoContext demo, CancellationToken ct)
    {
        var key = DemoFolder.WriteKey(demo.Output);
        var baseUrl = demo.Urls.Split(';')[0].TrimEnd('/');
        demo.Section("serve", $"the API and the dashboard at {baseUrl}/dashboard/ (Ctrl+C to stop)");
        TextLine.Write($"   default model [bold]{Markup.Escape(demo.DefaultModel!)}[/]; the others are selectable by name");
        TextLine.Write($"   write / admin key (kept in {Markup.Escape(DemoFolder.KeyPath(demo.Output))}): {Markup.Escape(key)}");
        TextLine.Write("   post feedback (it appears on the Live page):");
        Console.WriteLine("   " + DemoModels.CurlLine(baseUrl, key, demo.World));
        return await ServeCommand.Run(ServerArguments(demo, key, demo.Urls), ct);
    }

    /// <summary>The service's arguments: the demo's stores, models, default model, key and base dataset.</summary>
    internal static string[] ServerArguments(DemoContext demo, string key, string urls) =>
    [
        "--urls", urls,
        "--Store:Path", demo.ServiceStorePath, "--Models:Directory", Path.Combine(demo.Output, "service-models"),
        "--Models:Default", demo.DefaultModel ?? "main", "--Security:AdminKeys:0", key,
        "--Dataset:Base", demo.DatasetFolder, "--Runs:Path", demo.RunStorePath, "--Server:JsonLogs", "false",
    ];
}

/// <summary>What the demo's sections share: where things go, what was made, and the section counter.</summary>
internal sealed class DemoContext(string output, string preset, ulong seed, string urls)
{
    private int _section;

    public string Output { get; } = output;

    public string Preset { get; } = preset;

    public ulong Seed { get; } = seed;

    public string Urls { get; } = urls;

    public string DatasetFolder => Path.Combine(Output, "world");

    public string RunStorePath => Path.Combine(Output, "encore.db");

    public string ServiceStorePath => Path.Combine(Output, "encore-service.db");

    public string ModelFolder => Path.Combine(Output, "models");

    public string ReportPath => Path.Combine(Output, "report.html");

    public MusicDataset World { get; set; } = null!;

    public IReadOnlyList<ExperimentRun> Runs { get; set; } = [];

    public IReadOnlyDictionary<string, IRecommender> Models { get; set; } = new Dictionary<string, IRecommender>();

    /// <summary>The name the service answers with when a request names no model; null until registered.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Prints the next numbered section heading.</summary>
    public void Section(string name, string what) =>
        TextLine.Write($"[bold]{++_section}. {Markup.Escape(name)}[/]: {Markup.Escape(what)}");
}
