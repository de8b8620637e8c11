using System.Buffers;
using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Models.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;
using Encore.Online.Store;

namespace Encore.Online.Bandits;

/// <summary>
/// The online bandit (SPEC S3's funnel): <see cref="Next"/> takes a candidate pool from the active model's top-N
/// for the user (the cold-start chain for users the model does not know), re-ranks it with the user's ridge state
/// under the configured policy and records the choice; <see cref="Observe"/> turns accepted feedback events on a
/// served track into rewards (<see cref="BanditRewardOptions"/>) and updates the user's state durably in the
/// store (Sherman–Morrison, <see cref="RidgeValueFunction"/>). Thread-safe; the state lives in the store only.
/// </summary>
public sealed class BanditService
{
    private readonly RecommendationService _recommendations;
    private readonly IBanditStore _store;
    private readonly OnlineOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<BanditTrackVectors> _vectors;
    private readonly IBanditPolicy _policy;

    /// <exception cref="ArgumentException">The bandit options name an unknown policy or content, or a parameter is out of range.</exception>
    public BanditService(RecommendationService recommendations, IBanditStore store, BaseDatasetSource baseDataset, OnlineOptions options, TimeProvider? time = null)
    {
        _recommendations = recommendations ?? throw new ArgumentNullException(nameof(recommendations));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentNullException.ThrowIfNull(baseDataset);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        var bandit = options.Bandit;
        _policy = BanditPolicies.Create(bandit);
        BanditTrackVectors.ParseSource(bandit.Content);
        Encore.Core.Errors.Guard.Positive(bandit.Regularization);
        _vectors = new Lazy<BanditTrackVectors>(() => BanditTrackVectors.Build(baseDataset.Dataset, bandit), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The configured policy's label, e.g. "linucb(alpha=1)".</summary>
    public string PolicyName => _policy.Name;

    /// <summary>The track vectors (built from the base dataset on first use).</summary>
    /// <exception cref="OnlineRequestException">Conflict: there are no track vectors (the message says what is missing).</exception>
    public BanditTrackVectors Vectors => _vectors.Value;

    /// <summary>Chooses, records and returns the next track for <paramref name="user"/>.</summary>
    /// <exception cref="OnlineRequestException">Invalid input; conflict when there are no track vectors or no candidate has one; not found for an unknown model.</exception>
    public NextTrackResponse Next(string? user, NextTrackRequest? request)
    {
        request ??= new NextTrackRequest();
        var id = RequestChecks.Id(user, "user");
        var vectors = Vectors;
        var pool = Pool(id, request);
        var d = vectors.Dimension;
        var block = ArrayPool<float>.Shared.Rent(pool.Tracks.Count * d);
        var rows = new List<string>(pool.Tracks.Count);
        try
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var track in pool.Tracks)
            {
                if (!seen.Add(track)) continue;
                if (vectors.TryCopy(track, block.AsSpan(rows.Count * d, d))) rows.Add(track);
            }
            var missing = seen.Count - rows.Count;
            if (rows.Count == 0)
                throw OnlineRequestException.Conflict("tracks",
                    $"None of the {seen.Count} candidate tracks has a track vector in the base dataset ({vectors.Space}); import embeddings for them (`encore import embeddings`) or use a base dataset whose tracks carry audio features.");
            var stored = _store.LoadState(id, vectors.Space);
            var state = stored is null ? new RidgeValueFunction(d, _options.Bandit.Regularization) : Restore(stored);
            var rng = Rng.Fork(_options.Bandit.Seed ^ Fnv1a(id), (ulong)state.Updates);
            var policy = PolicyFor(request);
            var choice = policy.Choose(state, block.AsSpan(0, rows.Count * d), ref rng);
            var record = _store.RecordChoice(new BanditChoiceRecord
            {
                User = id,
                Space = vectors.Space,
                Track = rows[choice.Index],
                Vector = block.AsSpan(choice.Index * d, d).ToArray(),
                Policy = policy.Name,
                Value = choice.Value,
                Uncertainty = choice.Uncertainty,
                PoolSize = rows.Count,
                Round = state.Updates,
                ServedMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            return new NextTrackResponse(id, record.Track, choice.Value, choice.Uncertainty, policy.Name, rows.Count, missing, state.Updates, record.Id,
                pool.Path, pool.Reason, pool.Model, pool.Version, vectors.Space);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(block);
        }
    }

    // The request's own policy (an A/B policy variant sets it), else the configured one.
    private IBanditPolicy PolicyFor(NextTrackRequest request)
    {
        if (request.Policy is null) return _policy;
        RequestChecks.NoControl(request.Policy, "policy");
        try
        {
            return BanditPolicies.Parse(request.Policy, _options.Bandit);
        }
        catch (ArgumentException ex)
        {
            throw OnlineRequestException.Invalid("policy", Guard.PlainMessage(ex));
        }
    }

    /// <summary>
    /// Rewards the served choices that accepted events answer: for each accepted event whose kind has a reward, the
    /// newest unrewarded choice of that track for that user absorbs it. Duplicates and events on tracks /next did not
    /// serve change nothing. Returns the number of states updated.
    /// </summary>
    public int Observe(IReadOnlyList<StoredEvent> events, IReadOnlyList<EventOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(outcomes);
        var updated = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (outcomes[i] != EventOutcome.Accepted) continue;
            var e = events[i];
            if (_options.Bandit.Rewards.For(e.Kind) is not { } reward) continue;
            if (_store.ApplyReward(e.User, e.Track, reward, FeedbackKinds.NameOf(e.Kind), (current, choice) => Absorb(current, choice, reward)) is not null) updated++;
        }
        return updated;
    }

    /// <summary>The user's state, the last <paramref name="last"/> choices and the reward curve over the newest <paramref name="window"/> choices.</summary>
    public BanditStateResponse State(string? user, int last = 20, int window = 5000)
    {
        var id = RequestChecks.Id(user, "user");
        RequestChecks.K(last, _options.MaxK, "last");
        var choices = _store.Choices(id, Math.Max(last, window));
        var space = choices.Count > 0 ? choices[^1].Space : null;
        var state = space is null ? null : _store.LoadState(id, space);
        var rewarded = choices.Where(c => c.Reward is not null && c.Space == space).OrderBy(c => c.RewardedMs).ThenBy(c => c.Id).ToList();
        var rounds = state?.Updates ?? 0;
        var sum = state?.RewardSum ?? 0;
        // The window may start after the first rounds: the curve continues from what came before it.
        var round = rounds - rewarded.Count;
        var running = sum - rewarded.Sum(c => c.Reward!.Value);
        var curve = new List<RewardPoint>(rewarded.Count);
        foreach (var c in rewarded)
        {
            round++;
            running += c.Reward!.Value;
            curve.Add(new RewardPoint(round, c.Reward.Value, running, running / round, c.RewardedMs ?? c.ServedMs));
        }
        var shown = choices.Skip(Math.Max(0, choices.Count - last))
            .Select(c => new BanditChoiceView(c.Id, c.Track, c.Value, c.Uncertainty, c.Policy, c.PoolSize, c.ServedMs, c.Reward, c.Feedback, c.RewardedMs)).ToList();
        return new BanditStateResponse(id, space, state?.Dimension ?? (choices.Count > 0 ? choices[^1].Vector.Length : 0), _policy.Name, rounds, sum,
            rounds > 0 ? sum / rounds : null, choices.Count, choices.Count(c => c.Reward is null), shown, curve);
    }

    /// <summary>Users with bandit state, most recently updated first.</summary>
    public List<BanditUserSummary> Users(int limit = 100)
    {
        RequestChecks.K(limit, _options.MaxK, "limit");
        return _store.Users(limit);
    }

    private (IReadOnlyList<string> Tracks, string Path, string? Reason, string? Model, int? Version) Pool(string user, NextTrackRequest request)
    {
        if (request.Candidates is { } candidates)
        {
            if (candidates.Count == 0) throw OnlineRequestException.Invalid("candidates", "is empty; leave it out to take the pool from the model.");
            RequestChecks.Length(candidates, _options.MaxListLength, "candidates");
            RequestChecks.IdList(candidates, "candidates");
            for (var i = 0; i < candidates.Count; i++)
                if (candidates[i].Length == 0) throw OnlineRequestException.Invalid($"candidates[{i}]", "is empty; expected a track id.");
            return (candidates, "request", null, null, null);
        }
        var size = request.PoolSize ?? _options.Bandit.PoolSize;
        RequestChecks.K(size, _options.MaxK, "poolSize");
        var avoid = _options.Bandit.AvoidRepeats > 0 ? _store.Choices(user, _options.Bandit.AvoidRepeats).Select(c => c.Track).Distinct(StringComparer.Ordinal).ToList() : null;
        var answer = _recommendations.ForUser(new UserRecommendationRequest { User = user, K = size, Model = request.Model, Exclude = avoid is { Count: > 0 } ? avoid : null });
        if (answer.Items.Count == 0)
            throw OnlineRequestException.Conflict("candidates", $"Model '{answer.Model}' v{answer.Version} has no candidate left for user '{user}' (everything is seen or was served in the last {_options.Bandit.AvoidRepeats} rounds).");
        return ([.. answer.Items.Select(t => t.Track)], answer.Path, answer.Reason, answer.Model, answer.Version);
    }

    private BanditStateRecord Absorb(BanditStateRecord? current, BanditChoiceRecord choice, double reward)
    {
        var d = choice.Vector.Length;
        var state = current is not null && current.Dimension == d ? Restore(current) : new RidgeValueFunction(d, _options.Bandit.Regularization);
        state.Update(choice.Vector, reward);
        return new BanditStateRecord(choice.User, choice.Space, d, state.Regularization, state.Inverse.ToArray(), state.B.ToArray(), state.Updates, state.RewardSum, 0);
    }

    private static RidgeValueFunction Restore(BanditStateRecord r) => RidgeValueFunction.Restore(r.Dimension, r.Regularization, r.Inverse, r.B, r.Updates, r.RewardSum);

    // FNV-1a over the UTF-16 code units: a stable per-user salt for the policy's generator.
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
