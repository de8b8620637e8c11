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

    // Every protocol --protocol takes, for the error on an unknown one.
    internal const string ProtocolChoices = "holdout, temporal, given:<folder with train.tsv and test.tsv>, six-candidate, six-candidate:given, playlist-challenge, playlist-hide-first or sampled-negatives";

    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder (from import or synth)." };
        var models = new Option<string>("--models") { Description = $"Comma-separated models or 'all' ({string.Join(", ", TrainerFactory.Names)}).", DefaultValueFactory = _ => DefaultModels };
        var protocol = new Option<string>("--protocol") { Description = "holdout (per-user 80/20), temporal (train/validation/test by time), given:<folder> (train.tsv + test.tsv), six-candidate (SPEC S4: 3 liked hidden + 3 never-rated per user; every hierarchy strategy, blend, classifier and the ensemble), six-candidate:given (the dataset's labelled candidate lists), playlist-challenge (MPD challenge: 10 seed categories, R-precision / NDCG / clicks; protocol.playlists=N per category, default 100), playlist-hide-first (SPEC S5: hide each test playlist's first track, hit rate at 100; protocol.playlists=N, default 1000) or sampled-negatives (SPEC S5's labelled pairs: one held-out track per playlist against one sampled non-member, accuracy at a validation-chosen threshold and ROC AUC with 95% intervals, a random 1:1 baseline; protocol.playlists=N, default 1000). Playlist protocols default to --models popularity,playlist-knn,item-knn,lmf,playlist-combined.", DefaultValueFactory = _ => "holdout" };
        var on = new Option<string>("--on") { Description = "Score the test part or a validation part (carved from train; for choosing settings).", DefaultValueFactory = _ => "test" };
        var ks = new Option<string>("--k") { Description = "Cut-offs.", DefaultValueFactory = _ => "5,10,30" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split, the models and the bootstrap; bpr and lmf repeat exactly only with --threads 1 (their parallel updates race).", DefaultValueFactory = _ => 42UL };
        var settings = new Option<string[]>("--set") { Description = "model.key=value (als.factors=128), protocol.threshold=4 (relevance: held-out score >= it; default 1, or the source's rating default: Yahoo R3 4, KDD 80), protocol.test-fraction=0.1, data.confidence=log1p, data.ratings=auto|ignore|values|positive|signed (ratings as the signal; docs/ratings.md), protocol.ratings=auto|explicit|interactions (six-candidate: explicit track ratings or ones derived from interaction totals), hierarchy.prior-fit=validated|fixed (six-candidate: the Bayesian prior chosen on validation, or SPEC's fixed C), hierarchy.adaptive-scale=validated|raw|level-deviation|level-z (six-candidate: adaptive's rated levels in raw ratings as SPEC S4, or on each level's scale; chosen on validation by default), hierarchy.prior-confidence=validated|<0..1> (six-candidate: adaptive's weight factor lambda for levels the user did not rate; 0 = SPEC S4's strict adaptive; chosen on validation by default), protocol.catalogue-z=true (six-candidate: also rescore the classifiers with catalogue-wide z-scores); repeatable.", AllowMultipleArgumentsPerToken = true };
        var sampled = new Option<int?>("--sampled") { Description = "Rank held-out items among N sampled negatives instead of the full catalogue (labelled in the protocol)." };
        var groups = new Option<bool>("--groups") { Description = "Also run the group protocol (seeded groups of 5; relevance rule: protocol.group-relevance=any|new; expected-plays repeat share: protocol.group-repeat-share=0.5) with every group strategy and the basic model; tables with intervals add a paired bootstrap that resamples users and groups." };
        var groupCounts = new Option<string>("--group-counts") { Description = "Group draws: the first count gives S1's mean ± sd table, every further count a table with 95% intervals and a paired test against the basic model.", DefaultValueFactory = _ => "10,100" };
        var perUser = new Option<string?>("--per-user") { Description = "Write every model's per-user NDCG, precision and recall at each k to this CSV file: one row per model and user, columns model, user, then one per metric and k (ndcg@5, precision@5, recall@5, ...)." };
        var groupModel = new Option<string?>("--group-model") { Description = "Model behind the group strategies (default: the best by --metric)." };
        var metric = new Option<string>("--metric") { Description = "Metric that ranks the leaderboard and the paired comparison.", DefaultValueFactory = _ => "ndcg@10" };
        var markdown = new Option<bool>("--markdown") { Description = "Print tables as Markdown (for results files); same as --format markdown." };
        var format = new Option<string?>("--format") { Description = TableFormats.Help };
        var wide = new Option<bool>("--wide") { Description = "Show every leaderboard column (NDCG at every k, MAP, novelty, long-tail, diversity, users) on the terminal." };
        var explain = new Option<string?>("--explain") { Description = "six-candidate: explain this user's test list (features and the level each came from); default the first list." };
        var settingsFile = new Option<string?>("--settings") { Description = "Settings file written by encore tune (its [model] sections for the evaluated models; --set wins)." };
        var store = StoreOption.Create();
        var command = new Command("evaluate", "Train and evaluate models under one protocol; print the leaderboard and record the runs.")
        {
            dataset, models, protocol, on, ks, seed, settings, sampled, groups, groupCounts, groupModel, metric, perUser, markdown, format, wide, store, explain, settingsFile,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new EvaluateRequest(
            parse.GetValue(dataset)!, parse.GetValue(models)!, parse.GetValue(protocol)!, parse.GetValue(on)!, parse.GetValue(ks)!,
            parse.GetValue(seed), parse.GetValue(settings) ?? [], parse.GetValue(sampled), parse.GetValue(groups), parse.GetValue(groupModel),
            parse.GetValue(metric)!, parse.GetValue(markdown), parse.GetValue(store))
        {
            Explain = parse.GetValue(explain),
            GroupCounts = parse.GetValue(groupCounts)!,
            PerUserFile = parse.GetValue(perUser),
            Format = TableFormats.Parse(parse.GetValue(format), parse.GetValue(markdown)),
            Wide = parse.GetValue(wide),
            SettingsFile = parse.GetValue(settingsFile),
        }, ct))));
        return command;
    }

    internal sealed record EvaluateRequest(string Dataset, string Models, string Protocol, string On, string Ks, ulong Seed, string[] Settings,
        int? Sampled, bool Groups, string? GroupModel, string Metric, bool Markdown, string? Store)
    {
        /// <summary>six-candidate only: the external user id whose test list is explained.</summary>
        public string? Explain { get; init; }

        /// <value>Comma-separated numbers of groups: the first for S1's table, the others with intervals and paired tests.</value>
        public string GroupCounts { get; init; } = "10,100";

        /// <value>CSV file for the per-user table, or null.</value>
        public string? PerUserFile { get; init; }

        /// <value>How tables print (<c>--format</c>); Markdown when <see cref="Markdown"/> is set. Default text.</value>
        public TableFormat Format { get; init; } = Markdown ? TableFormat.Markdown : TableFormat.Text;

        /// <value>Every leaderboard column on the terminal (<c>--wide</c>). Default false: fits 120 columns.</value>
        public bool Wide { get; init; }

        /// <value>Settings file written by <c>encore tune</c>, or null.</value>
        public string? SettingsFile { get; init; }
    }

    internal static int Run(EvaluateRequest request, CancellationToken ct)
    {
        EvaluateOptionScope.Check(request);
        if (request.PerUserFile is { } perUser) Encore.Core.Files.AtomicFile.CheckTarget(perUser);
        if (SixCandidateEvaluation.Handles(request.Protocol)) return SixCandidateEvaluation.Run(request, ct);
        if (PlaylistEvaluation.Handles(request.Protocol)) return PlaylistEvaluation.Run(request, ct);
        Execute(request, ct);
        return ExitCodes.Ok;
    }

    /// <summary>Runs the evaluation (printing as it goes) and returns the recorded runs and the fitted models by name.</summary>
    /// <param name="request">What to evaluate.</param>
    /// <param name="ct">Cancels between and inside fits.</param>
    /// <param name="printTotal">End with the "done in" line (off when a caller such as the demo prints its own summary).</param>
    /// <summary>Adds the group protocol's <see cref="GroupProtocol.AuthorSettings"/> the caller left unset, with one line each on <paramref name="log"/>.</summary>
    private static void PinAuthorSettings(IReadOnlyList<string> names, Dictionary<string, Dictionary<string, string>> settings, TextWriter log)
    {
        foreach (var (model, pinned) in GroupProtocol.AuthorSettings)
        {
            if (!names.Contains(model, StringComparer.OrdinalIgnoreCase)) continue;
            if (!settings.TryGetValue(model, out var given)) settings[model] = given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in pinned)
                if (given.TryAdd(key, value))
                    log.WriteLine($"{model}: {key} {value}: the S1 author's setting, kept for the S1 group protocol (set --set {model}.{key}=... to override)");
        }
    }

    internal static (IReadOnlyList<ExperimentRun> Runs, IReadOnlyDictionary<string, IRecommender> Models) Execute(EvaluateRequest request, CancellationToken ct, bool printTotal = true)
    {
        var clock = Stopwatch.StartNew();
        var ks = EvaluationInputs.ParseKs(request.Ks);
        request = request with { Metric = EvaluationInputs.MetricFor(request.Metric, ks) };
        EvaluationInputs.CheckMetric(request.Metric, ks);
        var names = TrainerFactory.ParseNames(request.Models);
        var settings = EvaluationInputs.ParseSettings(EvaluationInputs.WithSettingsFile(request.SettingsFile, request.Settings, [.. names]));
        foreach (var prefix in settings.Keys.Where(p => p is not ("protocol" or "data")))
            if (!names.Contains(prefix, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--set {prefix}.…: model '{prefix}' is not among the evaluated models ({string.Join(", ", names)}).");
        // Build every trainer first: a bad setting fails before any data is read.
        var groupCounts = request.Groups ? EvaluationInputs.ParseCounts("--group-counts", request.GroupCounts) : [];
        if (request.Groups) PinAuthorSettings(names, settings, Console.Error);
        var candidates = names.Select(name =>
        {
            var (trainer, parameters) = TrainerFactory.Create(name, settings.GetValueOrDefault(name), request.Seed);
            return new ModelCandidate(name, trainer, parameters);
        }).ToList();
        var store = StoreOption.Open(request.Store);

        var options = EvaluationInputs.Protocol(request.Protocol, request.Seed, request.On, request.Sampled, settings, ProtocolChoices);
        var (dataset, datasetName, hash) = EvaluationInputs.LoadDataset(request.Dataset, ct);
        var protocol = ProtocolPreparer.Prepare(dataset, options, ct);
        Console.Error.WriteLine($"{datasetName}: {protocol.Label}; {protocol.Train.UserCount:N0} users x {protocol.Train.ItemCount:N0} items, {protocol.Train.Interactions.NonZeros:N0} training pairs, {protocol.Target.NonZeros:N0} relevant held-out pairs");
        EvaluationInputs.PrintConfidenceChoice(protocol.Confidence, EvaluationInputs.ProtocolConfidenceOverride, Console.Error);
        EvaluationInputs.PrintThresholdChoice(protocol.Options, Console.Error);
        if (request.Groups) GroupProtocol.EnsureGroupsCanBeDrawn(protocol);
        // Before any fit: 'all' skips what this data cannot train (affinity without content) instead of failing after the others.
        var trainable = SideDataScreen.Apply(request.Models, names, protocol.Train, Console.Error);
        candidates.RemoveAll(c => !trainable.Contains(c.Name));

        using var progress = new ModelProgressLine(stopOn: ct);
        var evaluation = new EvaluationSettings
        {
            Ks = ks,
            Dataset = datasetName,
            DatasetHash = hash,
            TrainingProgress = progress,
            StepProgress = progress,
        };
        var pipeline = new EvaluationPipeline(evaluation);
        var runs = new List<ExperimentRun>();
        var fitted = new Dictionary<string, IRecommender>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var (run, model) = pipeline.Evaluate(protocol, candidate, ct);
            progress.Finish($"{candidate.Name}: fit {Numbers.Seconds(run.FitSeconds)} s, evaluate {Numbers.Seconds(run.EvaluateSeconds)} s, {request.Metric} {Numbers.Mean(run, request.Metric)}");
            EvaluationInputs.PrintDataChoices(candidate.Name, model, $"{candidate.Name}.", Console.Error);
            runs.Add(run);
            fitted[candidate.Name] = model;
        }
        var format = request.Format;
        var markdown = format == TableFormat.Markdown;
        RunLeaderboardPrinter.Print(runs, ks, request.Metric, $"{datasetName}: {protocol.Label}", format, request.Wide);
        if (!format.IsMachine())
        {
            ProtocolStatisticsPrinter.Print(protocol, markdown);
            PrintComparison(runs, request.Metric, request.Seed, markdown);
        }
        PrintPopularityVerdict(runs, request.Metric, request.Seed, format.IsMachine() ? Console.Error : Console.Out);

        if (request.Groups)
        {
            var baseName = request.GroupModel ?? runs.MaxBy(r => r.Means.GetValueOrDefault(request.Metric))!.Model;
            if (!fitted.TryGetValue(baseName, out var baseModel))
                throw new ArgumentException($"--group-model '{baseName}' is not among the evaluated models ({string.Join(", ", fitted.Keys)}).");
            runs.AddRange(GroupTables.Run(protocol, baseModel, baseName, evaluation, groupCounts, format, request.Wide, ct));
        }
        if (request.PerUserFile is { } perUserFile)
        {
            PerUserCsv.Write(perUserFile, runs.Where(r => r.Kind != "group").ToList(), protocol.Train.Users, ks);
            Console.Error.WriteLine($"per-user table written to {perUserFile}");
        }

        store.Save(runs);
        // In a machine format stdout holds the table only.
        var recorded = format.IsMachine() ? Console.Error : Console.Out;
        recorded.WriteLine($"recorded {runs.Count} runs in {StoreOption.Describe(store)}:");
        foreach (var run in runs) recorded.WriteLine($"  {run.Id}  {run.Model}");
        if (printTotal) Console.Error.WriteLine($"done in {Numbers.Seconds(clock.Elapsed.TotalSeconds)} s");
        return (runs, fitted);
    }

    /// <summary>"no signal beyond popularity: ..." or "signal beyond popularity: ..." when a popularity run is among <paramref name="runs"/> (<see cref="PopularityVerdict"/>).</summary>
    internal static void PrintPopularityVerdict(IReadOnlyList<ExperimentRun> runs, string metric, ulong seed, TextWriter output)
    {
        if (PopularityVerdict.Of(runs, metric, seed) is { } verdict) output.WriteLine(verdict.Sentence);
    }

    private static void PrintComparison(List<ExperimentRun> runs, string metric, ulong seed, bool markdown)
    {
        if (runs.Count < 2) return;
        if (!runs[0].PerUser.ContainsKey(metric))
        {
            TextLine.Write($"[grey]no paired comparison: '{Markup.Escape(metric)}' has no per-user values.[/]");
            return;
        }
        var ranked = runs.OrderByDescending(r => r.Means[metric]).ToList();
        var (best, runnerUp) = (ranked[0], ranked[1]);
        ComparisonPrinter.Print(runnerUp, best, metric, RunComparison.Compare(runnerUp, best, metric, seed), markdown);
    }
}
