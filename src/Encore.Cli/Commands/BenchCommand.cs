using System.CommandLine;
using System.Globalization;
using Encore.Evaluation.Bench;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore bench models [--shape peers|lastfm360k|&lt;split folder&gt;] [--factors 64,128] [--threads 0] -o results.md</c>:
/// times ALS / BPR / item-kNN / top-10 against implicit's PEERS.md figures and writes a Markdown page.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Markdown results file to write.", Required = true };
        var shape = new Option<string>("--shape") { Description = "peers (50k x 20k x 2M), lastfm360k (360k x 160k x 17.5M) or a PEERS split folder (train.tsv[.gz], test.tsv[.gz]).", DefaultValueFactory = _ => "peers" };
        var factors = new Option<string>("--factors") { Description = "Comma-separated ALS factor counts.", DefaultValueFactory = _ => "64,128" };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 = all cores.", DefaultValueFactory = _ => 0 };
        var iterations = new Option<int>("--iterations") { Description = "ALS iterations per fit (implicit's default 15).", DefaultValueFactory = _ => 15 };
        var bprEpochs = new Option<int?>("--bpr-epochs") { Description = "BPR epochs (default 100 on a split, 5 on a synthetic shape)." };
        var events = new Option<long?>("--events") { Description = "Override the synthetic shape's number of events." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the synthetic world and the models.", DefaultValueFactory = _ => 42UL };
        var models = new Command("models", "Time ALS, BPR, item-kNN and top-10 serving (and quality on a split) next to implicit's figures.")
        {
            output, shape, factors, threads, iterations, bprEpochs, events, seed,
        };
        models.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(parse.GetValue(output)!, new ModelBenchOptions
        {
            Shape = parse.GetValue(shape)!,
            Factors = ParseFactors(parse.GetValue(factors)!),
            Threads = parse.GetValue(threads),
            AlsIterations = parse.GetValue(iterations),
            BprEpochs = parse.GetValue(bprEpochs),
            Events = parse.GetValue(events),
            Seed = parse.GetValue(seed),
        }, string.Join(' ', ["encore", .. parse.Tokens.Select(t => t.Value)]), ct))));
        return new Command("bench", "Measure Encore against its peers' published figures.") { models, BenchQualityCommand.Create(), CreateFit(), BenchGemmCommand.Create() };
    }

    // One fit in this (fresh) process, as PEERS.md's side-by-side protocol wants; bench/peers/run.sh repeats it. The command
    // is encore-fit's too (Encore.Fit/FitBenchArguments.cs, linked into this project).
    private static Command CreateFit() => Encore.Fit.FitBenchArguments.Create(
        "Fit one model once in this process on a PEERS split or synthetic shape and print one tab-separated line: load, fit and whole-process seconds (wall and CPU), the fit's peak RSS, quality. encore-fit bench fit, a separate Native AOT executable, takes the same arguments for the matrix-only models (docs/fit-aot.md).",
        "Model to fit: als, bpr, lmf, item-knn, ... (encore train --help lists them).",
        Encore.Models.Training.TrainerCatalog.Create, body => Task.FromResult(CommandRunner.Run(body)));

    internal static IReadOnlyList<int> ParseFactors(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new ArgumentException("--factors needs at least one number, e.g. 64,128.");
        return [.. parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f > 0
            ? f : throw new ArgumentException($"--factors: '{p}' is not a positive whole number."))];
    }

    internal static int Run(string output, ModelBenchOptions options, string command, CancellationToken ct)
    {
        var report = ModelBench.Run(options, new Progress(), ct);
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null) Directory.CreateDirectory(folder);
        using (var writer = new StreamWriter(output))
            ModelBenchMarkdown.Write(report, writer, command);
        Console.WriteLine($"wrote {Path.GetFullPath(output)}");
        return ExitCodes.Ok;
    }

    // Log lines go to stderr at once, so stdout holds only the result line.
    private sealed class Progress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}
