using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Encore.Data.Splits;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Online.Registry;
using Encore.Online.Store;

namespace Encore.Online.Retraining;

/// <summary>
/// Retrains a named model from the stored events (merged with the base dataset when configured), checks the
/// candidate against the active model on a per-user holdout (NDCG@10, <see cref="HoldoutCheck"/>), and
/// activates it only if it is not worse. With <see cref="RetrainOptions.RefitOnAllData"/> the model then fitted on all
/// data goes live only when it passes <see cref="SanityCheck"/>; otherwise the checked candidate is activated instead. A
/// candidate that fails the same check is never activated.
/// One retrain runs at a time; serving continues throughout.
/// </summary>
public sealed class RetrainService
{
    private readonly ModelRegistry _registry;
    private readonly IEventStore _events;
    private readonly BaseDatasetSource _baseDataset;
    private readonly OnlineOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly ConcurrentDictionary<string, RetrainResult> _last = new(StringComparer.Ordinal);
    private long _lastSequence = -1;

    public RetrainService(ModelRegistry registry, IEventStore events, BaseDatasetSource baseDataset, OnlineOptions options, TimeProvider? time = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _baseDataset = baseDataset ?? throw new ArgumentNullException(nameof(baseDataset));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The last retrain of <paramref name="name"/> this process ran (activated or not, with its reason), or null when none
    /// ran since it started: what GET /api/models/{name}/retrain reports.
    /// </summary>
    public RetrainResult? Last(string name) => _last.TryGetValue(name, out var result) ? result : null;

    /// <summary>The trainer of a retrain's options (<see cref="TrainerFactory.Create"/>; tests put a faulty one here).</summary>
    internal Func<RetrainOptions, IRecommenderTrainer> Trainers { get; init; } = TrainerFactory.Create;

    /// <summary>True when events arrived since the last retrain of this instance (or none ran yet).</summary>
    public bool HasNewEvents => _events.LastSequence() != Interlocked.Read(ref _lastSequence);

    public RetrainResult RetrainNow(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= _options.DefaultModel;
        // Retraining never creates a name: only registered models and the configured default (which a first
        // retrain may bootstrap from the base dataset) can be retrained.
        if (!string.Equals(name, _options.DefaultModel, StringComparison.Ordinal) && _registry.List(name).Count == 0)
            throw OnlineRequestException.NotFound("name", $"Model '{name}' is not registered; retrain one of the registered models or the default model '{_options.DefaultModel}'.");
        if (!_running.Wait(0)) throw OnlineRequestException.Conflict("name", "A retrain is already running; try again when it has finished.");
        try
        {
            var result = Run(name, cancellationToken);
            _last[name] = result;
            return result;
        }
        finally
        {
            _running.Release();
        }
    }

    private RetrainResult Run(string name, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var options = _options.Retrain;
        var sequence = _events.LastSequence();
        var stored = _events.ReadAll();
        var set = TrainingSetBuilder.Build(stored, _baseDataset.Dataset, options);
        var (matrix, confidence) = set;
        var ratings = set.Ratings.Describe();
        if (Data.Ratings.RatingTraining.PositiveCount(matrix.Matrix) == 0)
            throw OnlineRequestException.Conflict("name", NothingToTrainOn(matrix.Matrix.NonZeros, stored.Count, _baseDataset.Dataset, ratings));
        var trainer = Trainers(options);
        var split = new UserRandomHoldoutSplit(options.HoldoutFraction, options.Seed).Split(matrix);
        var candidate = trainer.Fit(new TrainingData(split.Train, matrix.Users, matrix.Items), null, ct);
        // The version the store marks active, loaded for the check when this process does not serve it (another silo
        // activated it): without it the candidate was activated unchecked, as if nothing were active.
        var active = _registry.ActiveInStore(name);
        // Held-out pairs the active version trained on (all of them when it was trained on the base dataset) would be
        // ranked back from memory: scored on them it always won. Both are scored on the pairs new to it.
        var (test, leftOut) = active is null ? (split.Test, null) : HoldoutCheck.SplitByActiveTraining(active, split.Test, matrix.Users, matrix.Items);
        var users = HoldoutCheck.SampleUsers(test, options.EvaluationUsers, options.Seed);
        var candidateNdcg = HoldoutCheck.Candidate(candidate, test, users, leftOut);
        double? activeNdcg = active is null ? null : HoldoutCheck.Active(active, split.Train, test, users, matrix.Users, matrix.Items, leftOut);
        var size = (matrix.Users.Count, matrix.Items.Count, (long)matrix.Matrix.NonZeros);
        var leftOutNote = leftOut is { NonZeros: > 0 }
            ? string.Create(CultureInfo.InvariantCulture, $"; {leftOut.NonZeros:N0} of {split.Test.NonZeros:N0} held-out pairs left out of both scores: the active version trained on them")
            : "";
        var comparison = string.Create(CultureInfo.InvariantCulture,
            $"holdout NDCG@10 {candidateNdcg:F4} vs active {(activeNdcg is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : "none")} on {users.Length} users{leftOutNote}{KindNote(candidate, active?.Model, options.Trainer)}");
        Interlocked.Exchange(ref _lastSequence, sequence);
        if (activeNdcg is not null && users.Length < options.MinimumEvaluationUsers)
            return new RetrainResult(name, false, null, candidateNdcg, activeNdcg, users.Length, size.Item1, size.Item2, size.Item3,
                string.Create(CultureInfo.InvariantCulture,
                    $"kept the active version: the check scored {users.Length} users, fewer than retrain.minimum_evaluation_users = {options.MinimumEvaluationUsers}, too few to compare the two ({comparison}); {(_baseDataset.Dataset is null ? "serve with --dataset <snapshot> so a retrain also trains on the base data" : "wait for more users' events or lower the setting")}"),
                clock.Elapsed.TotalSeconds)
            { Confidence = Describe(confidence), Ratings = ratings };
        // Written as "not at least as good" so that a NaN score (a diverged fit) never passes.
        if (!double.IsFinite(candidateNdcg))
            return Kept($"not activated: the candidate's holdout NDCG is not a number (a diverged fit; {comparison})");
        // A diverged fit may still score a finite NDCG (NaN scores rank arbitrarily), and a first version needs no comparison.
        if (SanityCheck.Problem(candidate, candidate, split.Train, users, options.EvaluationUsers, options.Seed) is { } broken)
            return Kept($"not activated: the candidate failed its sanity check: {broken} ({comparison})");
        if (activeNdcg is { } current && !(candidateNdcg >= current - options.Tolerance))
            return Kept($"kept the active version v{active!.Version}: candidate is worse ({comparison})");

        var (final, refitNote) = Refit(trainer, candidate, matrix, users, options, ct);
        var stamp = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var path = Path.Combine(Path.GetFullPath(_options.ModelDirectory), $"{name}-{stamp}.bin");
        ModelFile.Save(final, path);
        var settings = options.SettingsSource is { } source ? $", settings from {source}" : "";
        // The check compared against one version; another activated meanwhile (an admin, another silo) was not compared.
        if (_registry.List(name).LastOrDefault(v => v.IsActive)?.Version is var now && now != active?.Version)
        {
            File.Delete(path);
            return Kept($"kept the active version v{now}: it was activated while this retrain compared against {(active is null ? "no active version" : $"v{active.Version}")}; retrain again to compare with it ({comparison})");
        }
        var info = _registry.Register(name, path, null, $"retrain: {comparison}{settings}{refitNote}; {ratings}; confidence {Describe(confidence)}");
        _registry.Activate(info, final);
        return new RetrainResult(name, true, info.Version, candidateNdcg, activeNdcg, users.Length, size.Item1, size.Item2, size.Item3,
            $"activated version {info.Version} ({comparison}{refitNote})", clock.Elapsed.TotalSeconds)
        { Confidence = Describe(confidence), Ratings = ratings };

        RetrainResult Kept(string reason) => new(name, false, null, candidateNdcg, activeNdcg, users.Length, size.Item1, size.Item2, size.Item3,
            reason, clock.Elapsed.TotalSeconds)
        { Confidence = Describe(confidence), Ratings = ratings };
    }

    // Why a retrain has nothing to train on, with what it read, as train says it (docs/ratings.md, "Nothing to train on").
    private static string NothingToTrainOn(int pairs, int stored, Data.Model.MusicDataset? baseDataset, string ratings)
    {
        var source = baseDataset is null
            ? "no base dataset"
            : string.Create(CultureInfo.InvariantCulture, $"base dataset {baseDataset.Source}: {baseDataset.Events.Count:N0} events, {Data.Ratings.RatingEvents.Count(baseDataset):N0} ratings");
        return string.Create(CultureInfo.InvariantCulture,
            $"There is nothing to train on: {pairs:N0} (user, track) pairs, none with a positive value ({stored:N0} stored events, {source}; {ratings}). For a rating data set set retrain.ratings = values (or auto); for events check retrain.weights (docs/service.md, Retraining).");
    }

    // The model to activate after a passed check: the refit on all data when it passes SanityCheck (it has seen the
    // holdout, so only its sanity is checked), else the checked candidate, with a note saying why.
    private static (IRecommender Model, string Note) Refit(IRecommenderTrainer trainer, IRecommender candidate, Core.Interactions.InteractionMatrix matrix,
        int[] users, RetrainOptions options, CancellationToken ct)
    {
        if (!options.RefitOnAllData) return (candidate, "");
        var refit = trainer.Fit(new TrainingData(matrix.Matrix, matrix.Users, matrix.Items), null, ct);
        if (SanityCheck.Problem(refit, candidate, matrix.Matrix, users, options.EvaluationUsers, options.Seed) is not { } problem) return (refit, "");
        (refit as IDisposable)?.Dispose();
        return (candidate, $"; the refit on all data failed its check ({problem}), so the checked candidate (trained without the held-out tracks) was activated instead");
    }

    // A retrain trains retrain.trainer, whatever kind is active: when the two differ the answer says so, since the
    // comparison is then between two kinds of model rather than two versions of one.
    private static string KindNote(IRecommender candidate, IRecommender? active, string trainer) =>
        active is null || string.Equals(candidate.ModelName, active.ModelName, StringComparison.Ordinal)
            ? ""
            : $"; the candidate is {candidate.ModelName} (retrain.trainer = {trainer}), the active version is {active.ModelName}: set retrain.trainer to retrain the active kind";

    // "log1p (auto): heavy-tailed counts (median 2, ...)" or "none (given)": what the model was trained on, and why.
    private static string Describe(Data.Aggregation.ConfidenceChoice choice) => $"{choice.Label}: {choice.Reason}";
}
