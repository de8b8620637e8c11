using Encore.Core.Errors;
using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Registry;
using Encore.Online.Serving;
using Encore.Online.Store;

namespace Encore.Online.Experiments;

/// <summary>
/// Runs A/B experiments on live traffic, persisted in the store (<see cref="IExperimentStore"/>, so they survive a
/// restart and are shared by every process on one PostgreSQL). Life cycle: <see cref="Create"/> (draft, which
/// <see cref="Replace"/> corrects and <see cref="Delete"/> removes) →
/// <see cref="Start"/> → <see cref="Stop"/> or <see cref="Promote"/>; at most one experiment runs at a time. While
/// one runs, a recommendation request without an explicit model is answered by the model of the user's variant
/// (<see cref="Assign"/>), the list is recorded with its variant and a list id (<see cref="Record(ExperimentAssignment, RecommendationResponse)"/>), and every
/// accepted play / like / skip is attributed to the impression that showed the track (<see cref="Observe"/>, called
/// by <see cref="FeedbackService"/> after each committed batch). An experiment whose variants are bandit policies
/// (e.g. <c>linucb:0.5</c> vs <c>epsilon-greedy:0.1</c>) answers <c>POST /api/users/{id}/next</c> instead
/// (<see cref="AssignNext"/>): each served track is a one-item list. With no running experiment serving is unchanged.
/// The running experiment is cached for one second, so another process's start or stop reaches this one within it.
/// </summary>
public sealed class ExperimentService
{
    private readonly IExperimentStore _store;
    private readonly ModelRegistry _registry;
    private readonly RecommendationService _recommendations;
    private readonly OnlineOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    /// <param name="store">The experiment tables.</param>
    /// <param name="registry">Models the variants name; promotion activates through it.</param>
    /// <param name="recommendations">Answers each variant's requests.</param>
    /// <param name="options">The default model name (promotion target) and bandit rewards (the report's reward).</param>
    /// <param name="time">Clock for served and life-cycle times (default system).</param>
    public ExperimentService(IExperimentStore store, ModelRegistry registry, RecommendationService recommendations, OnlineOptions options, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _recommendations = recommendations ?? throw new ArgumentNullException(nameof(recommendations));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long after a list is served its tracks collect feedback: 24 h.</summary>
    public static TimeSpan AttributionWindow { get; } = TimeSpan.FromHours(24);

    /// <summary>How long the running experiment is cached: 1 s.</summary>
    public static TimeSpan CacheTime { get; } = TimeSpan.FromSeconds(1);

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Stores <paramref name="experiment"/> as a draft.</summary>
    /// <exception cref="OnlineRequestException">Invalid experiment, mixed model and policy variants or an unknown policy (400); a
    /// variant's model not registered (404, naming the model); an experiment of that name exists (409).</exception>
    public ExperimentRecord Create(AbExperiment experiment)
    {
        CheckDefinition(experiment);
        var record = new ExperimentRecord(experiment with { Salt = experiment.EffectiveSalt }, ExperimentState.Draft, NowMs);
        if (!_store.TryCreate(record)) throw OnlineRequestException.Conflict("name", $"an experiment named '{experiment.Name}' exists; choose another name.");
        return record;
    }

    /// <summary>
    /// Corrects a draft: replaces its salt and variants by <paramref name="experiment"/>'s (checked as by
    /// <see cref="Create"/>); the name and creation time stay. Only a draft changes: a started experiment has served
    /// lists under its variants.
    /// </summary>
    /// <param name="name">The draft's name (the body's name, when given, must be the same).</param>
    /// <param name="experiment">The corrected definition.</param>
    /// <exception cref="OnlineRequestException">As <see cref="Create"/>, or a body naming another experiment (400); no such
    /// experiment (404); not a draft (409).</exception>
    public ExperimentRecord Replace(string name, AbExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (!string.IsNullOrEmpty(experiment.Name) && experiment.Name != name)
            throw OnlineRequestException.Invalid("name", $"is '{experiment.Name}' but the path names '{name}'; an experiment cannot be renamed (create a new one).");
        var record = Get(name);
        experiment = experiment with { Name = record.Name };
        CheckDefinition(experiment);
        return _store.TryReplaceDraft(experiment with { Salt = experiment.EffectiveSalt }) ?? throw NotADraft(name, "changed");
    }

    /// <summary>Deletes a draft (it has served nothing). A started experiment keeps its record for the report.</summary>
    /// <exception cref="OnlineRequestException">No such experiment (404); not a draft (409).</exception>
    public void Delete(string name)
    {
        Get(name);
        if (!_store.TryDeleteDraft(name)) throw NotADraft(name, "deleted");
    }

    private OnlineRequestException NotADraft(string name, string verb) => OnlineRequestException.Conflict("state",
        $"experiment '{name}' is {(_store.Find(name) is { } now ? ExperimentRepository.StateName(now.State) : "gone")}; only a draft can be {verb} (its lists and feedback stay for the report).");

    // The checks a definition passes before it is stored, at creation and at every correction.
    private void CheckDefinition(AbExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        try
        {
            experiment.Validate();
        }
        catch (ArgumentException ex)
        {
            var suffix = ex.ParamName is null ? "" : $" (Parameter '{ex.ParamName}')";
            // The field is the body's property at fault (name or variants), as for every other request error.
            var field = ex.ParamName switch { nameof(AbExperiment.Name) => "name", nameof(AbExperiment.Variants) => "variants", _ => "experiment" };
            throw OnlineRequestException.Invalid(field, ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message[..^suffix.Length] : ex.Message);
        }
        CheckVariantKinds(experiment);
        CheckVariantModels(experiment);
    }

    // A model variant must name a registered model (any version: it may be activated before the start, which checks
    // for an active version). A typo is refused here, while the draft can still be corrected or deleted.
    private void CheckVariantModels(AbExperiment experiment)
    {
        foreach (var v in experiment.Variants.Where(v => v.Model is not null))
        {
            if (_registry.List(v.Model).Count > 0) continue;
            var known = _registry.List().Select(m => m.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            throw OnlineRequestException.NotFound("variants",
                $"variant '{v.Name}': no model named '{v.Model}' is registered (registered: {(known.Count == 0 ? "none" : string.Join(", ", known))}; see GET /api/models).");
        }
    }

    // Variants are all models (they answer recommendation lists) or all bandit policies (they answer /next); a
    // policy must parse, so a typo is refused at creation rather than on the first /next.
    private void CheckVariantKinds(AbExperiment experiment)
    {
        var policies = experiment.Variants.Count(v => v.Policy is not null);
        if (policies != 0 && policies != experiment.Variants.Count)
            throw OnlineRequestException.Invalid("variants", "the variants mix models and policies; an experiment compares models (recommendation lists) or bandit policies (/next), not both.");
        foreach (var v in experiment.Variants.Where(v => v.Policy is not null))
        {
            try
            {
                BanditPolicies.Parse(v.Policy!, _options.Bandit);
            }
            catch (ArgumentException ex)
            {
                throw OnlineRequestException.Invalid("variants", $"variant '{v.Name}': {Guard.PlainMessage(ex)}");
            }
        }
    }

    /// <summary>True when <paramref name="experiment"/>'s variants are bandit policies (it answers /next).</summary>
    public static bool IsPolicyExperiment(AbExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment.Variants.Count > 0 && experiment.Variants[0].Policy is not null;
    }

    /// <summary>Every experiment, newest first.</summary>
    public IReadOnlyList<ExperimentRecord> List() => _store.All();

    /// <summary>The experiment named <paramref name="name"/>.</summary>
    /// <exception cref="OnlineRequestException">No such experiment (404).</exception>
    public ExperimentRecord Get(string name) =>
        _store.Find(name ?? "") ?? throw OnlineRequestException.NotFound("name", $"no experiment '{name}'.");

    /// <summary>Starts a draft: every variant's model must have an active version, and no other experiment may run.</summary>
    /// <exception cref="OnlineRequestException">No such experiment or a variant model without an active version (404); not a draft, or another experiment runs (409).</exception>
    public ExperimentRecord Start(string name)
    {
        var record = Get(name);
        if (record.State != ExperimentState.Draft)
            throw OnlineRequestException.Conflict("state", $"experiment '{name}' is {ExperimentRepository.StateName(record.State)}; only a draft can start (create a new experiment to run again).");
        foreach (var v in record.Experiment.Variants.Where(v => v.Model is not null))
            if (_registry.Active(v.Model!) is null)
                throw OnlineRequestException.NotFound("variants", $"variant '{v.Name}': model '{v.Model}' has no active version (register and activate it first).");
        var started = _store.Transition(name, ExperimentState.Draft, ExperimentState.Running, NowMs, onlyIfNoneRunning: true);
        Invalidate();
        return started ?? throw OnlineRequestException.Conflict("state", $"experiment '{name}' cannot start: experiment '{Running?.Name ?? "?"}' is running (stop it first), or it was started meanwhile.");
    }

    /// <summary>Stops a running experiment; its lists and feedback stay for the report.</summary>
    /// <exception cref="OnlineRequestException">No such experiment (404); not running (409).</exception>
    public ExperimentRecord Stop(string name)
    {
        var record = Get(name);
        var stopped = _store.Transition(name, ExperimentState.Running, ExperimentState.Stopped, NowMs);
        Invalidate();
        return stopped ?? throw OnlineRequestException.Conflict("state", $"experiment '{name}' is {ExperimentRepository.StateName(record.State)}, not running.");
    }

    /// <summary>
    /// Ends a running or stopped experiment by activating <paramref name="variant"/>'s model file (its active version)
    /// as a version of the default model name. Returns the record and the newly served model.
    /// </summary>
    /// <exception cref="OnlineRequestException">No variant named (400); no such experiment, variant, or active model (404); a draft, already
    /// promoted, or a policy variant (409).</exception>
    public (ExperimentRecord Experiment, ServingModel Served) Promote(string name, string? variant)
    {
        if (string.IsNullOrWhiteSpace(variant))
            throw OnlineRequestException.Invalid("variant", "is missing; expected the name of the variant to promote, e.g. {\"variant\": \"treatment\"}.");
        var record = Get(name);
        var chosen = record.Experiment.Variants.FirstOrDefault(v => v.Name == variant)
            ?? throw OnlineRequestException.NotFound("variant", $"experiment '{name}' has no variant '{variant}' (variants: {string.Join(", ", record.Experiment.Variants.Select(v => v.Name))}).");
        if (record.State is not (ExperimentState.Running or ExperimentState.Stopped))
            throw OnlineRequestException.Conflict("state", $"experiment '{name}' is {ExperimentRepository.StateName(record.State)}; only a running or stopped experiment can be promoted.");
        if (chosen.Model is null)
            throw OnlineRequestException.Conflict("variant", $"variant '{chosen.Name}' is the bandit policy '{chosen.Policy}'; a policy is not a model version to activate. Stop the experiment and make it the service's policy in the [bandit] settings ({BanditPolicies.AsSettings(chosen.Policy!)}; docs/bandits.md).");
        var source = _registry.Active(chosen.Model!)
            ?? throw OnlineRequestException.NotFound("variant", $"variant '{chosen.Name}': model '{chosen.Model}' has no active version to promote.");
        var promoted = _store.Transition(name, record.State, ExperimentState.Promoted, NowMs, chosen.Name)
            ?? throw OnlineRequestException.Conflict("state", $"experiment '{name}' changed state meanwhile; read it again.");
        Invalidate();
        var info = _registry.RegisterOrReuse(_options.DefaultModel, source.Path);
        return (promoted, _registry.Activate(_options.DefaultModel, info.Version));
    }

    /// <summary>The report of an experiment in any state, from the stored lists and attributed feedback.</summary>
    /// <param name="name">Experiment name.</param>
    /// <param name="alpha">Family-wise level, in (0, 1).</param>
    /// <exception cref="OnlineRequestException">No such experiment (404); alpha outside (0, 1) (400).</exception>
    public AbReport Report(string name, double alpha = 0.05)
    {
        if (!(alpha is > 0 and < 1)) throw OnlineRequestException.Invalid("alpha", $"is {alpha}; expected a level in (0, 1).");
        var record = Get(name);
        return AbAnalysis.Analyse(record.Experiment, v => _store.OutcomeCounts(name, v), alpha, _options.Bandit.Rewards);
    }

    /// <summary>The running experiment (cached for <see cref="CacheTime"/>), or null.</summary>
    public ExperimentRecord? Running => Current().Running;

    /// <summary>
    /// The variant answering <paramref name="request"/>: null when no experiment runs, the request names a model
    /// (an explicit choice bypasses the experiment) or has no user.
    /// </summary>
    public ExperimentAssignment? Assign(UserRecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Model is not null || string.IsNullOrWhiteSpace(request.User) || Running is not { } running) return null;
        var experiment = running.Experiment;
        if (IsPolicyExperiment(experiment)) return null;
        return new ExperimentAssignment(experiment, experiment.Variants[AbAssignment.Assign(experiment, request.User)]);
    }

    /// <summary>The request to serve for an assignment (its model set to the variant's).</summary>
    public static UserRecommendationRequest ForVariant(UserRecommendationRequest request, ExperimentAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(assignment);
        return request with { Model = assignment.Variant.Model };
    }

    /// <summary>Records the list <paramref name="response"/> shows as served under <paramref name="assignment"/> and returns it tagged with the list id.</summary>
    public RecommendationResponse Record(ExperimentAssignment assignment, RecommendationResponse response)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(response);
        return response with { Experiment = RecordList(assignment, response.User ?? "", [.. response.Items.Select(i => i.Track)]) };
    }

    /// <summary>
    /// The policy variant answering a <c>/next</c> call of <paramref name="user"/>: null when no policy experiment
    /// runs, the request names its own policy (an explicit choice bypasses the experiment) or the user is blank.
    /// </summary>
    public ExperimentAssignment? AssignNext(string? user, NextTrackRequest? request)
    {
        if (request?.Policy is not null || string.IsNullOrWhiteSpace(user) || Running is not { } running) return null;
        var experiment = running.Experiment;
        return IsPolicyExperiment(experiment) ? new ExperimentAssignment(experiment, experiment.Variants[AbAssignment.Assign(experiment, user)]) : null;
    }

    /// <summary>The /next request to serve for a policy assignment (its policy set to the variant's).</summary>
    public static NextTrackRequest ForVariant(NextTrackRequest? request, ExperimentAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return (request ?? new NextTrackRequest()) with { Policy = assignment.Variant.Policy };
    }

    /// <summary>Records the single track <paramref name="response"/> serves as a one-item list under <paramref name="assignment"/> and returns it tagged.</summary>
    public NextTrackResponse Record(ExperimentAssignment assignment, NextTrackResponse response)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(response);
        return response with { Experiment = RecordList(assignment, response.User, [response.Track]) };
    }

    private ExperimentTag RecordList(ExperimentAssignment assignment, string user, IReadOnlyList<string> tracks)
    {
        var now = NowMs;
        var id = $"{assignment.Experiment.Name}-{now}-{Guid.NewGuid():N}";
        _store.RecordList(new ServedList(id, assignment.Experiment.Name, assignment.Variant.Name, user, tracks, now));
        return new ExperimentTag(assignment.Experiment.Name, assignment.Variant.Name, id);
    }

    /// <summary>Top-k for the request: through the user's variant while an experiment runs (recorded), else unchanged.</summary>
    public RecommendationResponse Recommend(UserRecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Assign(request) is { } assignment
            ? Record(assignment, _recommendations.ForUser(ForVariant(request, assignment)))
            : _recommendations.ForUser(request);
    }

    /// <summary>
    /// Attributes a committed batch's accepted events to served impressions (<see cref="IExperimentStore.Attribute"/>,
    /// window <see cref="AttributionWindow"/>). Does nothing unless an experiment runs or stopped within the window.
    /// Returns the number of attributed events.
    /// </summary>
    public int Observe(IReadOnlyList<StoredEvent> events, IReadOnlyList<EventOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!Current().Collecting) return 0;
        var accepted = new List<StoredEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
            if (outcomes[i] == EventOutcome.Accepted) accepted.Add(events[i]);
        return accepted.Count == 0 ? 0 : _store.Attribute(accepted, (long)AttributionWindow.TotalMilliseconds);
    }

    private void Invalidate()
    {
        lock (_gate) _snapshot = null;
    }

    private Snapshot Current()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_snapshot is { } s && now - s.Taken < CacheTime) return s;
        }
        var all = _store.All();
        var nowMs = now.ToUnixTimeMilliseconds();
        var window = (long)AttributionWindow.TotalMilliseconds;
        var running = all.FirstOrDefault(e => e.State == ExperimentState.Running);
        var collecting = running is not null || all.Any(e => e.StoppedMs is { } stopped && nowMs - stopped <= window);
        var snapshot = new Snapshot(now, running, collecting);
        lock (_gate) _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(DateTimeOffset Taken, ExperimentRecord? Running, bool Collecting);
}
