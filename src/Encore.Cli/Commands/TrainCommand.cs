using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Snapshots;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Training;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore train &lt;dataset&gt; --model &lt;name&gt; -o model.bin</c>: aggregates a snapshot's events into a
/// users x items matrix (playlists x tracks for playlist-knn and playlist-combined), trains with per-epoch progress on stderr and
/// saves the model atomically.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder (written by import or synth)." };
        var model = new Option<string>("--model", "-m") { Description = $"Model: {string.Join(", ", TrainerCatalog.Names)}.", Required = true };
        var settings = new Option<string[]>("--set") { Description = "Model option key=value (e.g. factors=128 regularization=0.1 iterations=20); repeatable. A wrong key lists the valid ones.", AllowMultipleArgumentsPerToken = true };
        var weights = new Option<string?>("--weights") { Description = "Event kind weights, e.g. play=1,like=1,skip=0 (unlisted kinds weigh 0). Default play=1,like=1." };
        var values = new Option<string>("--values") { Description = "Multiply weights by event values (play counts): auto (when the weighted events carry values), on, off.", DefaultValueFactory = _ => "auto" };
        var confidence = new Option<string>("--confidence") { Description = $"Transform of the aggregated scores: {ConfidenceArgument.Help}.", DefaultValueFactory = _ => "auto" };
        var level = new Option<string?>("--level") { Description = "Item level: track or artist (default: the dataset's event level)." };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random step (same as --set seed=); same seed, same model, except that bpr, lmf and playlist-combined repeat exactly only with --threads 1 (their parallel updates race).", DefaultValueFactory = _ => 42UL };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 = all cores (same as --set threads=).", DefaultValueFactory = _ => 0 };
        var content = new Option<string>("--content") { Description = $"Content models (affinity), which {ContentSourceArgument.Help}.", DefaultValueFactory = _ => "auto" };
        var ratings = new Option<string>("--ratings") { Description = "Ratings as the signal: auto (when the events carry no positive weight, e.g. Yahoo R3, KDD Cup), ignore, values, positive (only ratings >= --threshold) or signed (below it as -1). See docs/ratings.md.", DefaultValueFactory = _ => "auto" };
        var threshold = new Option<float?>("--threshold") { Description = "Rating threshold for --ratings positive|signed (default: the source's, Yahoo R3 4, KDD 80); for --model hierarchy the liked threshold of its validation lists (default 80)." };
        var settingsFile = new Option<string?>("--settings") { Description = "Settings file written by encore tune: its [model] section (and [data] confidence) apply; --set and --confidence win." };
        var command = new Command("train", "Train a model on a dataset snapshot and save it to a model file.")
        {
            dataset, model, settings, weights, values, confidence, level, output, seed, threads, content, settingsFile, ratings, threshold,
        };
        foreach (var name in TrainerCatalog.Names)
            command.Description += $"\n  {name,-13} {string.Join(", ", TrainerCatalog.Settings(name).Select(s => s.Key))}";
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new TrainArguments(
            parse.GetValue(dataset)!, parse.GetValue(model)!, parse.GetValue(settings) ?? [], parse.GetValue(weights),
            parse.GetValue(values)!, parse.GetValue(confidence)!, parse.GetValue(level), parse.GetValue(output)!,
            parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(content) ?? "auto", parse.GetValue(settingsFile))
        {
            Ratings = parse.GetValue(ratings)!,
            Threshold = parse.GetValue(threshold),
        }, ct))));
        return command;
    }

    internal sealed record TrainArguments(string Dataset, string Model, string[] Settings, string? Weights, string Values,
        string Confidence, string? Level, string Output, ulong Seed = 42, int Threads = 0, string Content = "auto", string? SettingsFile = null)
    {
        /// <summary>--ratings: auto, ignore, values, positive or signed.</summary>
        public string Ratings { get; init; } = "auto";

        /// <summary>--threshold for positive / signed ratings; null = the source default (or 1).</summary>
        public float? Threshold { get; init; }
    }

    internal static int Run(TrainArguments args, CancellationToken ct)
    {
        // Build the trainer first: a typo in --model or --set (or -o naming a folder) fails before the dataset is read.
        Encore.Core.Files.AtomicFile.CheckTarget(args.Output);
        var settings = TrainerCatalog.ParseSettings(args.Settings);
        var confidenceText = args.Confidence;
        if (args.SettingsFile is { } file)
        {
            var sections = Evaluation.Tuning.TunedSettingsFile.Read(file);
            var section = sections.GetValueOrDefault(args.Model.Trim());
            foreach (var (key, value) in section ?? []) settings.TryAdd(key, value);
            Console.Error.WriteLine(section is null ? SettingsFileNote.Missing(file, sections, [args.Model.Trim()]) : SettingsFileNote.Applied(file, args.Model.Trim(), section));
            if (confidenceText == "auto" && sections.GetValueOrDefault("data")?.GetValueOrDefault("confidence") is { } fromFile) confidenceText = fromFile;
        }
        settings.TryAdd("seed", args.Seed.ToString(CultureInfo.InvariantCulture));
        settings.TryAdd("threads", args.Threads.ToString(CultureInfo.InvariantCulture));
        var trainer = TrainerCatalog.Create(args.Model, settings);
        var weights = EventWeightsArgument.Parse(args.Weights);
        var transform = ConfidenceArgument.Parse(confidenceText);
        if (args.Threshold is { } t && !(t > 0 && float.IsFinite(t)))
            throw new ArgumentException($"--threshold expects a rating above 0 on the source's scale (Yahoo R3 1..5, KDD Cup 0..100), got {t}.");

        var clock = Stopwatch.StartNew();
        var dataset = DatasetSnapshot.Read(args.Dataset, ct);
        EvaluationInputs.NoteStarRatingLookalike(dataset, Console.Error);
        TrainingData data;
        string input;
        if (trainer.ModelName == Models.Hierarchy.HierarchyModel.Name)
        {
            (data, input) = Evaluation.Protocols.SixCandidate.HierarchyTraining.Build(dataset,
                new Evaluation.Protocols.SixCandidate.SixCandidateOptions { Threshold = args.Threshold ?? 80f, Seed = args.Seed }, ct);
        }
        else if (Evaluation.Experiments.TrainerFactory.IsPlaylistModel(trainer.ModelName))
        {
            data = TrainingMatrix.Playlists(dataset);
            input = "playlists x tracks";
        }
        else
        {
            var signal = Data.Ratings.RatingEvents.Resolve(dataset, EvaluationInputs.RatingSignalValue(args.Ratings), weights);
            var byRatings = signal != Data.Ratings.RatingSignal.Ignore;
            var useValues = byRatings || args.Values.ToLowerInvariant() switch
            {
                "on" => true,
                "off" => false,
                "auto" => EventValues.Carried(dataset.Events, weights),
                _ => throw new ArgumentException($"--values '{args.Values}' must be auto, on or off."),
            };
            var options = byRatings
                ? Data.Ratings.RatingEvents.Aggregation(ConfidenceTransform.None)
                : new AggregationOptions { Weights = weights, UseEventValue = useValues, Confidence = ConfidenceTransform.None };
            var source = byRatings ? Data.Ratings.RatingEvents.AsEvents(dataset) : dataset;
            var level = ParseLevel(args.Level, dataset.ItemLevel);
            var raw = TrainingMatrix.Interactions(source, level, options);
            var choice = ConfidenceChoice.Resolve(transform, raw.Interactions);
            var chosen = args.Threshold is null ? Data.Ratings.RatingThresholdRule.Default(dataset) : null;
            var cut = args.Threshold ?? chosen?.Threshold ?? 1f;
            var values = Data.Ratings.RatingTraining.Apply(choice.Apply(raw.Interactions), raw.Interactions, signal, cut);
            data = new TrainingData(values, raw.Users, raw.Items);
            input = $"users x {level.ToString().ToLowerInvariant()}s, event values {(useValues ? "on" : "off")}, confidence {choice.Label}";
            if (byRatings)
                input = string.Create(CultureInfo.InvariantCulture, $"users x {level.ToString().ToLowerInvariant()}s, ratings as {signal.ToString().ToLowerInvariant()}{(signal is Data.Ratings.RatingSignal.Positive or Data.Ratings.RatingSignal.Signed ? $" (threshold {cut}{(chosen is { Automatic: true } ? " (auto)" : "")})" : "")}, confidence {choice.Label}");
            if (Data.Ratings.RatingTraining.PositiveCount(values) == 0)
                throw new Core.Errors.EncoreException(
                    $"nothing to train on: {values.NonZeros:N0} pairs, none with a positive value ({dataset.Events.Count:N0} events, {Data.Ratings.RatingEvents.Count(dataset):N0} ratings at the {dataset.ItemLevel.ToString().ToLowerInvariant()} level). " +
                    "For a rating data set use --ratings values; for events check --weights.");
            EvaluationInputs.PrintConfidenceChoice(choice, "--confidence", Console.Error);
        }
        if (trainer.ModelName == Models.Content.Affinity.AffinityModel.Name)
        {
            data = Evaluation.Content.ContentFeatures.Attach(dataset, data, ContentSourceArgument.Parse(args.Content));
            input += data.ItemFeatures is null ? ", no track content" : $", {data.ItemFeatures.Dimension}-dim track vectors";
        }
        // Every model gets the dataset's side tables (friendships, tag assignments), as evaluate gives them: a model that
        // reads them (the funnel's features, the friends model, either inside a blend) must not silently train without.
        data = Evaluation.Side.SideTables.Attach(dataset, data);
        if (data.Side is not null) input += ", " + Evaluation.Side.SideTables.Describe(data.Side);
        if (trainer is Models.Ease.EaseTrainer ease) Console.Error.WriteLine(Models.Ease.EaseEstimate.For(ease.ModelledItemCount(data), ease.Options));
        Console.Error.WriteLine($"training {trainer.ModelName} on {data.UserCount:N0} x {data.ItemCount:N0} ({data.Interactions.NonZeros:N0} stored values; {input})");

        if (Models.Contract.SideDataCheck.Check(trainer.ModelName, data) is { Required: false } gap)
            Console.Error.WriteLine($"note: {trainer.ModelName}: {gap.Message}.");
        if (Models.Training.Repeatability.Caveat(trainer.ModelName, settings) is { } caveat)
            Console.Error.WriteLine($"note: {trainer.ModelName} is not repeatable bit for bit ({caveat}); use --threads 1 for a repeatable model.");
        var fit = Stopwatch.StartNew();
        using var progress = new EpochProgress(trainer.ModelName, stopOn: ct);
        progress.Start();
        var model = trainer.Fit(data, progress, ct);
        progress.Finish();
        EvaluationInputs.PrintDataChoices(trainer.ModelName, model, "", Console.Error);
        var fitSeconds = fit.Elapsed.TotalSeconds;
        ModelFile.Save(model, args.Output);
        if (model is Models.Content.Affinity.AffinityModel affinity)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"content: {affinity.Transform.InputDimension} -> {affinity.Transform.OutputDimension} dimensions, explained variance {affinity.Transform.ExplainedVariance:F3}"));
            Console.WriteLine(ClassifierPrinter.Line(Evaluation.Content.ClassifierReport.From(affinity.Validation)));
        }
        if (model is Models.Hierarchy.HierarchyModel hierarchy) HierarchySummary.Print(hierarchy);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained {model.ModelName} in {fitSeconds:F1} s ({clock.Elapsed.TotalSeconds:F1} s in all); wrote {Path.GetFullPath(args.Output)} ({new FileInfo(args.Output).Length:N0} bytes)"));
        return ExitCodes.Ok;
    }

    private static EntityLevel ParseLevel(string? text, EntityLevel datasetLevel) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => datasetLevel,
        "track" => EntityLevel.Track,
        "artist" => EntityLevel.Artist,
        _ => throw new ArgumentException($"--level '{text}' must be track or artist."),
    };
}
