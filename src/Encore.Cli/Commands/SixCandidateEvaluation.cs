using System.Globalization;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Evaluation.Protocols.SixCandidate;
using Encore.Models.Hierarchy;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore evaluate &lt;dataset&gt; --protocol six-candidate[:given]</c>: every SPEC S4 model on the
/// six-candidate lists, printed as one results summary (leaderboard with 95% intervals, the climb step by
/// step with paired tests, best vs runner-up, ensemble weights, tree feature importances, one explained list),
/// and recorded in the run store.
/// </summary>
internal static class SixCandidateEvaluation
{
    public static bool Handles(string protocol) =>
        protocol.Equals("six-candidate", StringComparison.OrdinalIgnoreCase) || protocol.Equals("six-candidate:given", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>--set</c> keys of the option properties whose validation can fail (for <see cref="OptionNames"/>).</summary>
    internal static readonly (string, string)[] Names =
    [
        ("Threshold", "protocol.threshold"), ("ValidationUsers", "protocol.validation-users"), ("ClassifierShare", "protocol.classifier-share"), ("PriorStrength", "hierarchy.prior-strength"),
        ("AlsFactors", "als.factors"), ("AlsIterations", "als.iterations"), ("Trees", "classifiers.trees"), ("Leaves", "classifiers.leaves"),
        ("MinimumPerLeaf", "classifiers.min-per-leaf"), ("LearningRate", "classifiers.learning-rate"), ("Threads", "classifiers.threads"),
    ];

    public static int Run(EvaluateCommand.EvaluateRequest request, CancellationToken ct) => OptionNames.Translate(() => RunChecked(request, ct), Names);

    private static int RunChecked(EvaluateCommand.EvaluateRequest request, CancellationToken ct)
    {
        var options = Options(request);
        var store = StoreOption.Open(request.Store);
        var (dataset, name, hash) = EvaluationInputs.LoadDataset(request.Dataset, ct);
        // An unknown --explain user was reported only after every model had run.
        if (request.Explain is { } explain && !dataset.Users.TryGetIndex(explain, out _))
            throw new ArgumentException($"--explain: unknown user '{explain}'; the dataset's users are ids like '{(dataset.Users.Count > 0 ? dataset.Users[0] : "")}'.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = SixCandidateRunner.Run(dataset, options, new Line(clock), ct);
        SixCandidatePrinter.Print(report, dataset, $"{name}: {report.Label}", request.Format == TableFormat.Markdown, request.Explain);
        var runs = SixCandidateRuns.From(report, name, hash, request.Seed, TimeProvider.System);
        store.Save(runs);
        Console.WriteLine($"recorded {runs.Count} runs in {StoreOption.Describe(store)}");
        Console.Error.WriteLine($"done in {Numbers.Seconds(clock.Elapsed.TotalSeconds)} s");
        return ExitCodes.Ok;
    }

    internal static SixCandidateOptions Options(EvaluateCommand.EvaluateRequest request)
    {
        var models = request.Models == EvaluateCommand.DefaultModels || request.Models.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? []
            : request.Models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new SixCandidateOptions { Seed = request.Seed, UseGivenCandidates = request.Protocol.EndsWith(":given", StringComparison.OrdinalIgnoreCase), Models = models };
        var classifiers = options.Classifiers;
        foreach (var (prefix, settings) in EvaluationInputs.ParseSettings(request.Settings))
        {
            foreach (var (key, value) in settings)
            {
                var k = $"{prefix}.{key}".Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
                options = k switch
                {
                    "protocol.ratings" => options with { Ratings = Source(value) },
                    "protocol.threshold" => options with { Threshold = (float)Number(k, value) },
                    "protocol.validationusers" => options with { ValidationUsers = (int)Number(k, value) },
                    "protocol.classifiershare" => options with { ClassifierShare = Number(k, value) },
                    "hierarchy.priorstrength" or "hierarchy.c" => options with { PriorStrength = Number(k, value), PriorFit = PriorFit.Fixed },
                    "hierarchy.priorfit" => options with { PriorFit = Fit(value) },
                    "hierarchy.adaptivescale" => options with { AdaptiveScale = Scale(value) },
                    "hierarchy.priorconfidence" => options with { PriorConfidence = Confidence(value) },
                    "protocol.cataloguez" => options with { CatalogueZ = Flag(k, value) },
                    "als.factors" => options with { AlsFactors = (int)Number(k, value) },
                    "als.iterations" => options with { AlsIterations = (int)Number(k, value) },
                    "classifiers.trees" => options with { Classifiers = classifiers = classifiers with { Trees = (int)Number(k, value) } },
                    "classifiers.leaves" => options with { Classifiers = classifiers = classifiers with { Leaves = (int)Number(k, value) } },
                    "classifiers.learningrate" => options with { Classifiers = classifiers = classifiers with { LearningRate = Number(k, value) } },
                    "classifiers.minperleaf" => options with { Classifiers = classifiers = classifiers with { MinimumPerLeaf = (int)Number(k, value) } },
                    "classifiers.threads" => options with { Classifiers = classifiers = classifiers with { Threads = (int)Number(k, value) } },
                    _ => throw new ArgumentException($"unknown six-candidate setting '{prefix}.{key}'; use protocol.ratings, protocol.threshold, protocol.validation-users, protocol.classifier-share, protocol.catalogue-z, hierarchy.prior-fit, hierarchy.prior-strength, hierarchy.adaptive-scale, hierarchy.prior-confidence, als.factors, als.iterations, classifiers.trees, classifiers.leaves, classifiers.learning-rate, classifiers.min-per-leaf or classifiers.threads."),
                };
            }
        }
        options.Validate();
        return options;
    }

    private static RatingSource Source(string value) => value.ToLowerInvariant() switch
    {
        "auto" => RatingSource.Auto,
        "explicit" => RatingSource.Explicit,
        "interactions" => RatingSource.Interactions,
        _ => throw new ArgumentException($"--set protocol.ratings expects auto, explicit or interactions, got '{value}'."),
    };

    private static PriorFit Fit(string value) => value.ToLowerInvariant() switch
    {
        "validated" => PriorFit.Validated,
        "fixed" => PriorFit.Fixed,
        _ => throw new ArgumentException($"--set hierarchy.prior-fit expects validated or fixed, got '{value}'."),
    };

    private static AdaptiveScale Scale(string value)
    {
        try
        {
            return AdaptiveScaleNames.Parse(value);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"--set hierarchy.adaptive-scale expects validated, raw, level-deviation or level-z, got '{value}'.");
        }
    }

    private static double? Confidence(string value)
    {
        try
        {
            return PriorConfidenceNames.Parse(value);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"--set hierarchy.prior-confidence expects validated or a number in [0, 1] (0 = SPEC S4's strict adaptive), got '{value}'.");
        }
    }

    private static bool Flag(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new ArgumentException($"--set {key} expects true or false, got '{value}'."),
    };

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw new ArgumentException($"--set {key} expects a number, got '{value}'.");

    // Progress lines on stderr keep the classifier training visibly alive.
    private sealed class Line(System.Diagnostics.Stopwatch clock) : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine($"[{Numbers.Seconds(clock.Elapsed.TotalSeconds)} s] {value}");
    }
}
