using System.Collections.Concurrent;
using Encore.Online.Feedback;
using Encore.Online.Registry;
using Encore.Online.Serving;

namespace Encore.Online.Experiments;

/// <summary>
/// Runs A/B experiments on live traffic: <see cref="Start"/> an experiment, <see cref="Recommend"/> through it
/// (the user's variant picks the model; the served list is recorded with its variant and returned with a list
/// id), <see cref="Observe"/> accepted feedback (attributed to the list that showed the track), read the
/// <see cref="Report"/>, then <see cref="Stop"/> or <see cref="Promote"/> a variant (its model file becomes
/// the active version of the default model name). State is in memory (one process).
/// </summary>
public sealed class ExperimentService(ModelRegistry registry, RecommendationService recommendations, OnlineOptions options, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, AbExperiment> _running = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _lists;

    /// <summary>Served lists and attributed feedback (attribution window 24 h).</summary>
    public AbLedger Ledger { get; } = new(TimeSpan.FromHours(24));

    /// <summary>The running experiments.</summary>
    public IReadOnlyList<AbExperiment> Running => [.. _running.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];

    /// <summary>Starts <paramref name="experiment"/>; every variant must name a model with an active version.</summary>
    /// <exception cref="OnlineRequestException">Invalid experiment (400), a model without an active version (404), or a running experiment of that name (409).</exception>
    public AbExperiment Start(AbExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        try
        {
            experiment.Validate();
        }
        catch (ArgumentException ex)
        {
            throw OnlineRequestException.Invalid("experiment", ex.Message);
        }
        foreach (var v in experiment.Variants)
        {
            if (v.Model is null) throw OnlineRequestException.Invalid("variants", $"variant '{v.Name}' names policy '{v.Policy}'; only model variants can be served yet.");
            if (registry.Active(v.Model) is null)
                throw OnlineRequestException.NotFound("variants", $"variant '{v.Name}': model '{v.Model}' has no active version (register and activate it first).");
        }
        if (!_running.TryAdd(experiment.Name, experiment))
            throw OnlineRequestException.Conflict("experiment", $"experiment '{experiment.Name}' is already running.");
        return experiment;
    }

    /// <summary>Top-k for the request's user from the user's variant of <paramref name="experiment"/>, recorded as a served list.</summary>
    public (ServedList List, RecommendationResponse Response) Recommend(string experiment, UserRecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var running = Find(experiment);
        if (string.IsNullOrWhiteSpace(request.User)) throw OnlineRequestException.Invalid("user", "is empty; an experiment assigns variants by user id.");
        var variant = running.Variants[AbAssignment.Assign(running, request.User)];
        var response = recommendations.ForUser(request with { Model = variant.Model });
        var id = $"{running.Name}-{Interlocked.Increment(ref _lists)}-{_time.GetUtcNow().ToUnixTimeMilliseconds()}";
        var list = new ServedList(id, running.Name, variant.Name, request.User, [.. response.Items.Select(i => i.Track)], _time.GetUtcNow().ToUnixTimeMilliseconds());
        Ledger.Record(list);
        return (list, response);
    }

    /// <summary>Attributes accepted events to served lists (call after ingestion; duplicates must not be passed).</summary>
    public int Observe(IEnumerable<StoredEvent> accepted) => Ledger.Attribute(accepted);

    /// <summary>The current report of a running experiment.</summary>
    public AbReport Report(string experiment, double alpha = 0.05) => AbAnalysis.Analyse(Find(experiment), Ledger, alpha);

    /// <summary>Stops an experiment (its lists stay in the ledger for the final report).</summary>
    public AbExperiment Stop(string experiment) =>
        _running.TryRemove(experiment, out var stopped) ? stopped : throw OnlineRequestException.NotFound("experiment", $"no running experiment '{experiment}'.");

    /// <summary>Stops the experiment and activates <paramref name="variant"/>'s model version under the default model name.</summary>
    public ServingModel Promote(string experiment, string variant)
    {
        var running = Find(experiment);
        var chosen = running.Variants.FirstOrDefault(v => v.Name == variant)
            ?? throw OnlineRequestException.NotFound("variant", $"experiment '{experiment}' has no variant '{variant}'.");
        var info = registry.RegisterOrReuse(options.DefaultModel, registry.Require(chosen.Model!).Path);
        var served = registry.Activate(options.DefaultModel, info.Version);
        Stop(experiment);
        return served;
    }

    private AbExperiment Find(string experiment) =>
        _running.TryGetValue(experiment ?? "", out var running) ? running : throw OnlineRequestException.NotFound("experiment", $"no running experiment '{experiment}'.");
}
