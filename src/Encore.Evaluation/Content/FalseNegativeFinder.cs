using Encore.Core.Ranking;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Models.Contract;

namespace Encore.Evaluation.Content;

/// <summary>A (user, track) pair labelled "not liked" that the model scores high: a false-negative candidate.</summary>
/// <param name="User">External user id.</param>
/// <param name="Track">External track id.</param>
/// <param name="Score">The model's score of the pair (its own scale: a logit, a count, a dot product).</param>
/// <param name="Total">The pair's weighted event total (≤ 0 by definition).</param>
/// <param name="NegativeEvents">Events of a negatively weighted kind (skips, dislikes) for the pair.</param>
public sealed record FalseNegative(string User, string Track, float Score, double Total, int NegativeEvents);

/// <summary>What <see cref="FalseNegativeFinder.Find"/> found: the top pairs and how many labelled pairs there were.</summary>
/// <param name="Pairs">Best first.</param>
/// <param name="Labelled">"Not liked" pairs in the log (for the selected user, if any).</param>
/// <param name="Unscored">Of those, pairs the model cannot score (user or track unknown to it).</param>
public sealed record FalseNegativeReport(IReadOnlyList<FalseNegative> Pairs, int Labelled, int Unscored);

/// <summary>
/// SPEC S3's false-negative discovery: among the (user, track) pairs labelled "not liked" — at least one event
/// of a negatively weighted kind (skip, dislike) and a weighted total ≤ 0 — lists those the model scores
/// highest. High scores there are either the model's mistakes or tracks the user skipped by accident; both
/// are worth a look. With a user, that user's pairs are ranked; without, all pairs are ranked together by
/// raw score (comparable across users for models whose scores are probabilities or logits, e.g. affinity).
/// </summary>
public static class FalseNegativeFinder
{
    /// <summary>Play +1, like +1, skip −1, dislike −1; other kinds 0.</summary>
    public static EventKindWeights DefaultWeights { get; } = EventKindWeights.None
        .With(EventKind.Play, 1f).With(EventKind.Like, 1f).With(EventKind.Skip, -1f).With(EventKind.Dislike, -1f);

    /// <param name="dataset">A track-level dataset (its events give the labels).</param>
    /// <param name="model">Any fitted model over the same ids.</param>
    /// <param name="weights">Event weights; kinds with a negative weight mark "not liked" evidence.</param>
    /// <param name="user">External user id to restrict to, or null for every user.</param>
    /// <param name="k">Pairs to return (≥ 1).</param>
    /// <exception cref="ArgumentException">The dataset is not track-level, no kind has a negative weight, or the user is unknown.</exception>
    public static FalseNegativeReport Find(MusicDataset dataset, IRecommender model, EventKindWeights weights, string? user, int k)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (dataset.ItemLevel != EntityLevel.Track)
            throw new ArgumentException($"false negatives need a track-level dataset; this one is at the {dataset.ItemLevel} level.", nameof(dataset));
        if (!Enum.GetValues<EventKind>().Any(kind => weights[kind] < 0))
            throw new ArgumentException("no event kind has a negative weight, so no pair can be labelled \"not liked\"; give e.g. skip=-1,dislike=-1.", nameof(weights));
        var only = -1;
        if (user is not null && !dataset.Users.TryGetIndex(user, out only))
            throw new ArgumentException($"user '{user}' is not in the dataset.", nameof(user));

        var pairs = new Dictionary<long, (double Total, int Negative)>();
        var events = dataset.Events;
        for (var e = 0; e < events.Count; e++)
        {
            var u = events.Users[e];
            if (only >= 0 && u != only) continue;
            var w = weights[events.Kinds[e]];
            var key = ((long)u << 32) | (uint)events.Items[e];
            var (total, negative) = pairs.GetValueOrDefault(key);
            pairs[key] = (total + w, negative + (w < 0 ? 1 : 0));
        }

        var labelled = 0;
        var unscored = 0;
        var candidates = new List<(int ModelUser, int ModelItem, string User, string Track, double Total, int Negative)>();
        foreach (var (key, (total, negative)) in pairs)
        {
            if (negative == 0 || total > 0) continue;
            labelled++;
            var userId = dataset.Users[(int)(key >> 32)];
            var trackId = dataset.Tracks[(int)(key & 0xFFFF_FFFF)];
            if (!model.Users.TryGetIndex(userId, out var mu) || !model.Items.TryGetIndex(trackId, out var mi)) { unscored++; continue; }
            candidates.Add((mu, mi, userId, trackId, total, negative));
        }
        var scores = new float[candidates.Count];
        Span<float> one = stackalloc float[1];
        for (var c = 0; c < candidates.Count; c++)
        {
            model.Score(candidates[c].ModelUser, [candidates[c].ModelItem], one);
            scores[c] = one[0];
        }
        var top = new TopKSelector(Math.Min(k, candidates.Count));
        for (var c = 0; c < candidates.Count; c++)
            if (float.IsFinite(scores[c])) top.Offer(c, scores[c]);
        var ids = new int[top.Count];
        var values = new float[top.Count];
        top.Drain(ids, values);
        var result = new FalseNegative[ids.Length];
        for (var r = 0; r < ids.Length; r++)
        {
            var c = candidates[ids[r]];
            result[r] = new FalseNegative(c.User, c.Track, values[r], c.Total, c.Negative);
        }
        return new FalseNegativeReport(result, labelled, unscored);
    }
}
