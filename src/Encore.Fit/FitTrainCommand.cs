using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.Files;
using Encore.Evaluation.Bench;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Training;

namespace Encore.Fit;

/// <summary>
/// <c>encore-fit train &lt;input&gt; --model M [--set key=value]... [--binary] -o model.bin</c>: fits a model of
/// <see cref="CoreTrainerCatalog"/> on user-item-value triples (a PEERS split folder's train.tsv[.gz], or such a file) and
/// saves it with <see cref="ModelFile.Save"/>: the same file <c>encore train</c> writes, read by <c>encore recommend</c> and
/// <c>encore serve</c>. Dataset snapshots (events, ratings, confidence transforms) need <c>encore train</c>.
/// </summary>
internal static class FitTrainCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A folder with train.tsv[.gz], or a .tsv[.gz] file: tab-separated, header 'user item value', original ids (PEERS.md's split format)." };
        var model = new Option<string>("--model", "-m") { Description = $"Model: {string.Join(", ", CoreTrainerCatalog.Names)}.", Required = true };
        var set = new Option<string[]>("--set") { Description = "Model option key=value (e.g. factors=128 iterations=20); repeatable. A wrong key lists the valid ones.", AllowMultipleArgumentsPerToken = true };
        var binary = new Option<bool>("--binary") { Description = "Replace every value by 1 before fitting." };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random step (same as --set seed=).", DefaultValueFactory = _ => 42UL };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 = all cores (same as --set threads=).", DefaultValueFactory = _ => 0 };
        var command = new Command("train", "Train a model on user-item-value triples and save it to a model file (the format encore recommend and encore serve read).")
        {
            input, model, set, binary, output, seed, threads,
        };
        foreach (var name in CoreTrainerCatalog.Names)
            command.Description += $"\n  {name,-11} {string.Join(", ", CoreTrainerCatalog.Settings(name).Select(s => s.Key))}";
        command.SetAction((parse, ct) => FitCli.Guarded(() => Run(parse.GetValue(input)!, parse.GetValue(model)!, parse.GetValue(set) ?? [],
            parse.GetValue(binary), parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(threads), ct)));
        return command;
    }

    /// <summary>The command's body (tests call it through <see cref="FitCli.RunAsync"/>).</summary>
    internal static int Run(string input, string modelName, string[] pairs, bool binary, string output, ulong seed, int threads, CancellationToken ct)
    {
        // The trainer first: a typo in --model or --set (or -o naming a folder) fails before the data is read.
        Encore.Core.Files.AtomicFile.CheckTarget(output);
        var settings = SettingPairs.Parse(pairs);
        settings.TryAdd("seed", seed.ToString(CultureInfo.InvariantCulture));
        settings.TryAdd("threads", threads.ToString(CultureInfo.InvariantCulture));
        var trainer = CoreTrainerCatalog.Create(modelName, settings);
        var clock = Stopwatch.StartNew();
        var data = Load(input, binary, ct);
        Console.Error.WriteLine($"training {trainer.ModelName} on {data.UserCount:N0} x {data.ItemCount:N0} ({data.Interactions.NonZeros:N0} stored values; values {(binary ? "1" : "as given")})");
        if (Repeatability.Caveat(trainer.ModelName, settings) is { } caveat)
            Console.Error.WriteLine($"note: {trainer.ModelName} is not repeatable bit for bit ({caveat}); use --threads 1 for a repeatable model.");
        var fit = Stopwatch.StartNew();
        var model = trainer.Fit(data, null, ct);
        var fitSeconds = fit.Elapsed.TotalSeconds;
        ModelFile.Save(model, output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained {model.ModelName} in {fitSeconds:F1} s ({clock.Elapsed.TotalSeconds:F1} s in all); wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length:N0} bytes)"));
        return ProcessExit.Ok;
    }

    private static TrainingData Load(string input, bool binary, CancellationToken ct)
    {
        CommandLinePath.Existing(input, "<input>");
        if (Directory.Exists(input)) return PeersSplit.LoadTrain(input, binary, ct);
        if (File.Exists(input)) return PeersSplit.LoadTrainFile(input, binary, ct);
        throw new ArgumentException($"input '{input}' is neither a folder with train.tsv[.gz] nor a file.");
    }
}
