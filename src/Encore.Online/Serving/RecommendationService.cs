using Encore.Core.Ids;
using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Factorization;
using Encore.Online.Feedback;
using Encore.Online.Registry;
using Encore.Online.Store;

namespace Encore.Online.Serving;

/// <summary>
/// Serving logic without HTTP: user, group and playlist recommendations, similar tracks, candidate scores
/// and explanations. Each call takes the active model once (so a concurrent swap never mixes two versions),
/// maps external ids to dense indices at the edge, and reports which serving path answered.
/// </summary>
public sealed partial class RecommendationService : IDisposable
{
    private static readonly RecommendOptions NoFilters = new() { ExcludeSeen = false };

    private readonly ModelRegistry _registry;
    private readonly OnlineOptions _options;
    private readonly ColdStartResolver _coldStart;
    private readonly IEventStore _events;
    private readonly BaseDatasetSource _baseDataset;
    private readonly FactorBatcher? _batcher;
    private readonly ActivationWork _activationWork = new();

    /// <summary>
    /// Each user's feedback since the process started (read from the store on first use), so a user's recommendations
    /// leave out what they have heard (with exclude seen) or rejected (always) before the next retrain. Feed it every
    /// committed batch (<see cref="RecentFeedback.Observe"/>; <see cref="OnlineEngine"/> does).
    /// </summary>
    public RecentFeedback Recent { get; }

    public RecommendationService(ModelRegistry registry, IEventStore events, BaseDatasetSource baseDataset, OnlineOptions options)
        : this(registry, events, baseDataset, options, options?.BatchRequests == true ? new FactorBatcher() : null)
    {
    }

    /// <summary>The service with a given batcher (tests hold its worker to see which requests it scores); null batches nothing.</summary>
    internal RecommendationService(ModelRegistry registry, IEventStore events, BaseDatasetSource baseDataset, OnlineOptions options, FactorBatcher? batcher)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        var foldIn = new FoldInHistory(registry, baseDataset, options);
        _coldStart = new ColdStartResolver(events, options, foldIn);
        // A version's fold-in settings are resolved when it goes live, not inside the first fold-in request, and its
        // scoring code is compiled then too (ModelWarmUp), off the request path; Dispose waits for both.
        registry.Activated += (current, previous) => _activationWork.Start(() => foldIn.Prepare(current));
        registry.Activated += (current, previous) => _activationWork.Start(() => ModelWarmUp.Run(current));
        Recent = new RecentFeedback(events, options.MaxListLength, options.RecentFeedbackUsers);
        _baseDataset = baseDataset;
        _batcher = batcher;
    }

    /// <summary>
    /// Top-k for one user, computed on the calling thread. Tracks the user has given feedback on since the process
    /// started reading their events (<see cref="Recent"/>, or <paramref name="feedback"/> / <paramref name="recent"/>) are
    /// left out like the training row when <see cref="UserRecommendationRequest.ExcludeSeen"/>; tracks whose newest event
    /// is a skip or a dislike are always left out.
    /// </summary>
    /// <param name="request">The request (validated here).</param>
    /// <param name="recent">
    /// The user's recent stored events when the caller already holds them (a cluster's user grain, oldest first, at most
    /// <see cref="OnlineOptions.MaxListLength"/>); null reads them from <see cref="Recent"/> and, for fold-in, the event store.
    /// </param>
    /// <param name="feedback">
    /// The user's feedback when the caller keeps it current (a cluster's user grain, as its events arrive): used as is, so
    /// a request does not rebuild it from <paramref name="recent"/>. Null builds it from <paramref name="recent"/> when
    /// given, else reads <see cref="Recent"/>.
    /// </param>
    public RecommendationResponse ForUser(UserRecommendationRequest request, IReadOnlyList<StoredEvent>? recent = null, UserFeedback? feedback = null) =>
        Answer(Resolve(request, recent, feedback), request, recent);

    /// <summary>
    /// Top-k for one user; known users of a factor model without exclude / allow lists are batched with concurrent
    /// requests (<see cref="FactorBatcher"/>) when <see cref="OnlineOptions.BatchRequests"/> is on, also when their
    /// feedback leaves out up to <see cref="MaxBatchedAvoided"/> tracks (the batch asks for that many more, rounded up to
    /// <see cref="AvoidedBucket"/>, and drops them). Same results as <see cref="ForUser"/>.
    /// </summary>
    /// <param name="request">The request (validated here).</param>
    /// <param name="recent">The user's recent stored events when the caller holds them (see <see cref="ForUser"/>); null reads the store.</param>
    /// <param name="feedback">The user's feedback when the caller keeps it current (see <see cref="ForUser"/>).</param>
    /// <param name="cancellationToken">
    /// Cancels a request waiting in the batcher (e.g. the HTTP client disconnected): nothing is scored for it and the
    /// returned task is cancelled. A request already being scored finishes; paths that do not wait ignore the token.
    /// </param>
    /// <exception cref="OperationCanceledException">The token was cancelled while the request waited.</exception>
    public async ValueTask<RecommendationResponse> ForUserAsync(UserRecommendationRequest request, IReadOnlyList<StoredEvent>? recent = null,
        UserFeedback? feedback = null, CancellationToken cancellationToken = default)
    {
        var resolved = Resolve(request, recent, feedback);
        if (_batcher is null || resolved.Fast is not { } fast) return Answer(resolved, request, recent);
        var serving = resolved.Serving;
        var avoided = resolved.Avoid.Length == 0 ? [] : serving.Model.Items.KnownTrackIndices(resolved.Avoid);
        if (avoided.Length > MaxBatchedAvoided) return Answer(resolved, request, recent);
        // The top k + extra minus the avoided tracks is the top k without them: the order is the same (score, then
        // index), and at most extra tracks are dropped. Rounding extra up keeps users with a few skips in one batch group.
        var extra = (avoided.Length + AvoidedBucket - 1) / AvoidedBucket * AvoidedBucket;
        var (items, scores) = await _batcher.Recommend(fast.Model, fast.User, request.K + extra, request.ExcludeSeen, cancellationToken).ConfigureAwait(false);
        if (extra > 0) (items, scores) = Without(items, scores, avoided, request.K);
        return new RecommendationResponse(resolved.User, serving.Name, serving.Version, ServingPath.Model, Tracks(serving.Model, items, scores));
    }

    /// <summary>Most tracks a user's feedback may leave out for their request to be batched; more take the single-user path.</summary>
    internal const int MaxBatchedAvoided = 64;

    /// <summary>The extra items a batched request with feedback asks for are a multiple of this.</summary>
    internal const int AvoidedBucket = 16;

    // The first k of a ranked list that are not in avoided (avoided is short: at most MaxBatchedAvoided).
    private static (int[] Items, float[] Scores) Without(int[] items, float[] scores, int[] avoided, int k)
    {
        var keptItems = new List<int>(k);
        var keptScores = new List<float>(k);
        for (var i = 0; i < items.Length && keptItems.Count < k; i++)
        {
            if (Array.IndexOf(avoided, items[i]) >= 0) continue;
            keptItems.Add(items[i]);
            keptScores.Add(scores[i]);
        }
        return ([.. keptItems], [.. keptScores]);
    }

    // One request resolved once: the model it is served by, the fast path when it applies (null otherwise), and the
    // tracks its feedback rules out. ForUser and ForUserAsync both answer from it, so they cannot disagree on the path.
    private readonly record struct ResolvedUserRequest(string User, ServingModel Serving, (FactorModel Model, int User)? Fast, string[] Avoid);

    private ResolvedUserRequest Resolve(UserRecommendationRequest request, IReadOnlyList<StoredEvent>? recent, UserFeedback? feedback)
    {
        var (user, serving) = Prepare(request);
        return new ResolvedUserRequest(user, serving, FastPath(serving, user, request), Avoid(user, request.ExcludeSeen, recent, feedback));
    }

    private RecommendationResponse Answer(ResolvedUserRequest resolved, UserRecommendationRequest request, IReadOnlyList<StoredEvent>? recent)
    {
        var (user, serving, fastPath, avoid) = resolved;
        if (fastPath is { } fast)
        {
            var options = avoid.Length == 0 ? request.ExcludeSeen ? RecommendOptions.Default : NoFilters
                : new RecommendOptions { ExcludeSeen = request.ExcludeSeen, Exclude = serving.Model.Items.KnownTrackIndices(avoid) };
            var (items, scores) = FactorTopK.Recommend(fast.Model, fast.User, request.K, request.ExcludeSeen ? serving.Seen : null, options);
            return new RecommendationResponse(user, serving.Name, serving.Version, ServingPath.Model, Tracks(serving.Model, items, scores));
        }
        return ViaColdStart(serving, user, request, recent, avoid);
    }

    // What the user's stored feedback rules out: every track with feedback (exclude seen), or only the rejected ones.
    private string[] Avoid(string user, bool excludeSeen, IReadOnlyList<StoredEvent>? recent, UserFeedback? feedback) =>
        (feedback ?? (recent is null ? Recent.For(user) : UserFeedback.From(recent, _options.MaxListLength))).Avoid(excludeSeen);

    private (string User, ServingModel Serving) Prepare(UserRecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = RequestChecks.Id(request.User, "user");
        RequestChecks.K(request.K, _options.MaxK);
        RequestChecks.Length(request.Exclude, _options.MaxListLength, "exclude");
        RequestChecks.Length(request.Allow, _options.MaxListLength, "allow");
        RequestChecks.IdList(request.Exclude, "exclude");
        RequestChecks.IdList(request.Allow, "allow");
        return (user, Model(request.Model));
    }

    // The hot path: a user the factor model knows, no lists to map, no history to exclude.
    private static (FactorModel Model, int User)? FastPath(ServingModel serving, string user, UserRecommendationRequest request) =>
        serving.Model is FactorModel factors && request.Exclude is null && request.Allow is null && request.History is not { Count: > 0 }
            && factors.Users.TryGetIndex(user, out var index) && factors.HasSignal(index) ? (factors, index) : null;

    // Everything else goes through the shared cold-start chain (model -> fold-in -> popularity).
    private RecommendationResponse ViaColdStart(ServingModel serving, string user, UserRecommendationRequest request, IReadOnlyList<StoredEvent>? recent, string[] avoid)
    {
        var chain = serving.ColdStart ?? throw OnlineRequestException.Conflict("model", $"Model '{serving.Name}' keeps no training matrix, so it has no cold-start chain.");
        var (history, values) = _coldStart.HistoryFor(serving, user, request.History, recent: recent);
        var answer = chain.Recommend(new ColdStartRequest
        {
            UserId = user,
            History = history,
            HistoryValues = values,
            ExcludeSeen = request.ExcludeSeen,
            // Only the avoided tracks the model knows, in its own id form: feedback on a track it never saw needs no
            // masking, and must not be reported back as an unknown request item.
            Exclude = avoid.Length == 0 ? WithoutNulls(request.Exclude)
                : [.. WithoutNulls(request.Exclude) ?? [], .. serving.Model.Items.KnownTrackIndices(avoid).Select(i => serving.Model.Items[i])],
            Allow = WithoutNulls(request.Allow),
        }, request.K);
        var items = new ScoredTrack[answer.Items.Length];
        for (var i = 0; i < items.Length; i++) items[i] = new ScoredTrack(answer.Items[i], answer.Scores[i]);
        var reason = answer.KnownWithoutSignal || OnlyRejections(answer, request, values, avoid) ? "no-positive-signal"
            : answer.ModelWithoutEvidence ? "no-evidence" : answer.HistoryUnusable ? "history-unusable" : null;
        return new RecommendationResponse(user, serving.Name, serving.Version, PathName(answer.Path), items, answer.UnknownItems.Length, reason);
    }

    // A user the model does not know whose stored feedback holds no positive signal (only skips or dislikes): the service
    // knows them, so popularity answers because nothing they did is evidence, not because they are unknown.
    private static bool OnlyRejections(ColdStartAnswer answer, UserRecommendationRequest request, float[] values, string[] avoid) =>
        answer.Path == RecommendationPath.Popularity && request.History is not { Count: > 0 } && avoid.Length > 0 && !values.Any(v => v > 0);

    private static IReadOnlyList<string>? WithoutNulls(IReadOnlyList<string>? ids) => ids is null ? null : [.. ids.Where(i => i is not null)];

    private static string PathName(RecommendationPath path) => path switch
    {
        RecommendationPath.Model => ServingPath.Model,
        RecommendationPath.FoldIn => ServingPath.FoldIn,
        _ => ServingPath.Popularity,
    };

    /// <summary>Waits for the work activations started (a closed store must not be read after), then stops the batcher.</summary>
    public void Dispose()
    {
        _activationWork.Dispose();
        _batcher?.Dispose();
    }

    public ScoresResponse Scores(string? user, ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = RequestChecks.Id(user, "user");
        if (request.Tracks is null || request.Tracks.Count == 0) throw OnlineRequestException.Invalid("tracks", "is empty; send the candidate track ids to score.");
        RequestChecks.Length(request.Tracks, _options.MaxListLength, "tracks");
        RequestChecks.IdList(request.Tracks, "tracks");
        var serving = Model(request.Model);
        var profile = _coldStart.Resolve(serving, id, request.History);
        if (serving.Model is ICandidateExplainer explainer && profile.Path == ServingPath.Model)
            return ListScores.Answer(serving, explainer, profile.User, id, request);
        if (request.Explain)
            throw OnlineRequestException.Conflict("explain", $"Model '{serving.Name}' ({serving.Model.ModelName}) cannot explain candidate scores feature by feature{(serving.Model is ICandidateExplainer ? $" for a user it does not know (path {profile.Path})" : "; use a hierarchy model")}.");
        var (all, path, reason) = ProfileScoring.All(serving, profile);
        var result = new CandidateScore[request.Tracks.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var track = request.Tracks[i] ?? throw OnlineRequestException.Invalid($"tracks[{i}]", "is null; expected a track id.");
            float? score = null;
            if (serving.Model.Items.TryGetTrackIndex(track, out var item))
            {
                // A fold-in leaves NaN only on tracks without training signal (not group candidates); such a known track scores 0
                // here, as it does for a user the model knows. Null means only "the model does not know this track".
                if (!float.IsNaN(all[item])) score = all[item];
                else if (path == ServingPath.FoldIn) score = 0;
            }
            result[i] = new CandidateScore(track, score);
        }
        return new ScoresResponse(id, serving.Name, serving.Version, path, result) { Reason = reason };
    }

    public SimilarTracksResponse Similar(string? track, int k, string? model)
    {
        var id = RequestChecks.Id(track, "track");
        RequestChecks.K(k, _options.MaxK);
        var serving = Model(model);
        if (serving.Model is not ISimilarItems similar)
            throw OnlineRequestException.Conflict("model", $"Model '{serving.Name}' ({serving.Model.ModelName}) cannot find similar tracks; use an ALS, BPR, LMF or item-kNN model.");
        var item = TrackIndex(serving, id, "track");
        if (serving.ColdStart is { } chain)
        {
            var answer = chain.SimilarItems(item, k);
            var tracks = new ScoredTrack[answer.Items.Length];
            for (var i = 0; i < tracks.Length; i++) tracks[i] = new ScoredTrack(answer.Items[i], answer.Scores[i]);
            return new SimilarTracksResponse(id, serving.Name, serving.Version, tracks, PathName(answer.Path));
        }
        var (items, scores) = similar.SimilarItems(item, k);
        return new SimilarTracksResponse(id, serving.Name, serving.Version, Tracks(serving.Model, items, scores));
    }

    public ExplanationResponse Explain(string? user, string? track, int n, string? model)
    {
        var userId = RequestChecks.Id(user, "user");
        var trackId = RequestChecks.Id(track, "track");
        RequestChecks.K(n, _options.MaxK, "n");
        var serving = Model(model);
        if (serving.Model is not IExplainer explainer)
            throw OnlineRequestException.Conflict("model", $"Model '{serving.Name}' ({serving.Model.ModelName}) cannot explain; use an ALS, item-kNN or EASE model.");
        if (!serving.Model.Users.TryGetIndex(userId, out var u))
            throw OnlineRequestException.NotFound("user", $"User '{userId}' is unknown to model '{serving.Name}' v{serving.Version}; explanations need a user the model was trained on.");
        var item = TrackIndex(serving, trackId, "track");
        Span<float> score = stackalloc float[1];
        serving.Model.Score(u, [item], score);
        var (items, weights) = explainer.Explain(u, item, n);
        var because = new Contribution[items.Length];
        for (var i = 0; i < items.Length; i++) because[i] = new Contribution(serving.Model.Items[items[i]], weights[i]);
        return new ExplanationResponse(userId, trackId, serving.Name, serving.Version, score[0], because);
    }

    private ServingModel Model(string? name)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name)) throw OnlineRequestException.Invalid("model", "is empty; leave it out for the default model.");
        if (name is not null) return _registry.Require(name);
        if (_registry.Active(_options.DefaultModel) is { } serving) return serving;
        // One model served: it is the default whatever its name.
        var active = _registry.ActiveModels;
        if (active.Count == 1) return active[0];
        if (active.Count == 0) return _registry.Require(_options.DefaultModel);
        throw OnlineRequestException.NotFound("model",
            $"The request names no model and the default model '{_options.DefaultModel}' is not served; name one of {string.Join(", ", active.Select(a => a.Name).Order(StringComparer.Ordinal))} " +
            "in the request, or set the default with the option models.default (config [models] default = \"name\", environment ENCORE_MODELS__DEFAULT).");
    }

    private static int TrackIndex(ServingModel serving, string track, string field) =>
        serving.Model.Items.TryGetTrackIndex(track, out var item) ? item
            : throw OnlineRequestException.NotFound(field, $"Track '{track}' is unknown to model '{serving.Name}' v{serving.Version}.");

    private RecommendOptions Filters(IRecommender model, bool excludeSeen, IReadOnlyList<string>? exclude, IReadOnlyList<string>? allow, ref int ignored)
    {
        RequestChecks.Length(exclude, _options.MaxListLength, "exclude");
        RequestChecks.Length(allow, _options.MaxListLength, "allow");
        if (!excludeSeen && exclude is null && allow is null) return NoFilters;
        if (excludeSeen && exclude is null && allow is null) return RecommendOptions.Default;
        return new RecommendOptions
        {
            ExcludeSeen = excludeSeen,
            Exclude = exclude is null ? null : RequestChecks.Known(exclude, model.Items, ref ignored, "exclude"),
            Allow = allow is null ? null : RequestChecks.Known(allow, model.Items, ref ignored, "allow"),
        };
    }

    private static ScoredTrack[] Tracks(IRecommender model, int[] items, float[] scores)
    {
        var result = new ScoredTrack[items.Length];
        for (var i = 0; i < items.Length; i++) result[i] = new ScoredTrack(model.Items[items[i]], scores[i]);
        return result;
    }
}
