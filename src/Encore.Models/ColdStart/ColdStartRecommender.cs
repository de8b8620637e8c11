using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Popularity;

namespace Encore.Models.ColdStart;

/// <summary>
/// Serves any model for external user ids without ever failing on an unseen user (the SPEC S1 notebook
/// crashed on "previously unseen labels"). The chain, first match wins:
/// 1. the user is in the model with at least one positive entry -> <see cref="RecommendationPath.Model"/>;
/// 2. otherwise (unknown user, or a known user without positive signal: only skips or dislikes), a history
///    with at least one known item of positive value, and a model with fold-in (<see cref="IHistoryRecommender"/>)
///    whose answer has evidence for at least one item -> <see cref="RecommendationPath.FoldIn"/>;
/// 3. otherwise -> <see cref="RecommendationPath.Popularity"/> (minus the history and, for a known user,
///    minus the user's own training row: what they skipped or disliked is never served back).
/// A known user whose filters (exclude / allow lists, seen items) leave no track at all gets an empty
/// <see cref="RecommendationPath.Model"/> answer, not a popularity claim.
/// A known user without signal is reported by <see cref="ColdStartAnswer.KnownWithoutSignal"/>; an
/// unusable history by <see cref="ColdStartAnswer.HistoryUnusable"/>. Scores of 0 from no evidence are never
/// returned as recommendations (docs/cold-start.md).
/// Thread-safe: it holds only immutable models.
/// </summary>
public sealed class ColdStartRecommender
{
    /// <param name="model">The model that serves known users.</param>
    /// <param name="fallback">
    /// The popularity fallback. Null: derived from the model's training matrix (every
    /// <see cref="RecommenderBase"/> keeps it and saves it in the model file), so nothing extra is stored.
    /// </param>
    public ColdStartRecommender(IRecommender model, PopularityModel? fallback = null)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Fallback = fallback ?? FallbackFor(model);
        if (Fallback.Items.Count != model.Items.Count)
            throw new ArgumentException($"The fallback has {Fallback.Items.Count} items but the model has {model.Items.Count}; both must share one item map.", nameof(fallback));
    }

    public IRecommender Model { get; }

    public PopularityModel Fallback { get; }

    /// <summary>The popularity model (user counts) of a model's own training matrix.</summary>
    /// <exception cref="ArgumentException">The model does not keep its training matrix; pass a fallback instead.</exception>
    public static PopularityModel FallbackFor(IRecommender model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is PopularityModel popularity) return popularity;
        if (model is RecommenderBase trained)
            return PopularityModel.FromData(new TrainingData(trained.Interactions, trained.Users, trained.Items), new PopularityOptions { Threads = trained.Threads });
        throw new ArgumentException($"Model '{model.ModelName}' does not keep its training matrix; give the cold-start chain a popularity fallback explicitly.", nameof(model));
    }

    /// <summary>Top-<paramref name="k"/> for the request; never throws for unknown user or item ids.</summary>
    public ColdStartAnswer Recommend(ColdStartRequest request, int k)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var resolved = ResolvedRequest.Resolve(request, Model.Items);
        var user = -1;
        var known = request.UserId is { } id && Model.Users.TryGetIndex(id, out user);
        var withoutSignal = known && !HasSignal(Model, user);
        if (known && !withoutSignal)
        {
            var exclude = request.ExcludeSeen ? Concat(resolved.Exclude, resolved.HistoryItems) : resolved.Exclude;
            var options = new RecommendOptions { ExcludeSeen = request.ExcludeSeen, Exclude = exclude, Allow = resolved.Allow };
            var (items, scores) = Model.RecommendOne(user, k, options);
            if (items.Length > 0 || k == 0) return Answer(items, scores, RecommendationPath.Model, resolved);
            // The model has no evidence for any remaining track (e.g. item-kNN whose history has no co-listened tracks).
            var seen = request.ExcludeSeen && Model is RecommenderBase based ? Concat(exclude, based.Interactions.RowIndices(user).ToArray()) : exclude;
            var (fallback, fallbackScores) = Fallback.RecommendFromHistory([], [], k, new RecommendOptions { ExcludeSeen = request.ExcludeSeen, Exclude = seen, Allow = resolved.Allow });
            // Popularity has nothing either: the request's filters left no track, so the model's empty answer stands.
            if (fallback.Length == 0) return Answer(items, scores, RecommendationPath.Model, resolved);
            return Answer(fallback, fallbackScores, RecommendationPath.Popularity, resolved) with { ModelWithoutEvidence = true };
        }
        // A known user without signal: what they skipped or disliked stays excluded on the later steps.
        var ownRow = withoutSignal && request.ExcludeSeen && Model is RecommenderBase trained ? trained.Interactions.RowIndices(user).ToArray() : [];
        var historyOptions = new RecommendOptions { ExcludeSeen = request.ExcludeSeen, Exclude = Concat(resolved.Exclude, ownRow), Allow = resolved.Allow };
        var (positiveItems, positiveValues) = Positive(resolved.HistoryItems, resolved.HistoryValues);
        var historyUnusable = false;
        if (positiveItems.Length > 0 && Model is IHistoryRecommender foldIn)
        {
            try
            {
                var (items, scores) = foldIn.RecommendFromHistory(positiveItems, positiveValues, k, historyOptions);
                if (request.ExcludeSeen) (items, scores) = Without(items, scores, resolved.HistoryItems);
                if (items.Length > 0) return Answer(items, scores, RecommendationPath.FoldIn, resolved) with { KnownWithoutSignal = withoutSignal };
            }
            catch (ModelFitException)
            {
                // A history the model cannot fold in (e.g. an ill-conditioned ALS system): popularity is still an answer.
            }
            historyUnusable = true;
        }
        var (popular, popularScores) = Fallback.RecommendFromHistory(resolved.HistoryItems, resolved.HistoryValues, k, historyOptions);
        return Answer(popular, popularScores, RecommendationPath.Popularity, resolved) with { KnownWithoutSignal = withoutSignal, HistoryUnusable = historyUnusable };
    }

    /// <summary>
    /// Items similar to <paramref name="item"/> (dense index) by the model's own similarity
    /// (<see cref="RecommendationPath.Model"/>); a track without positive signal in training has no evidence
    /// for neighbours and gets the popularity answer instead (<see cref="ColdStartAnswer.ItemWithoutSignal"/>), and so does a
    /// track with signal that the model's similarity gives no neighbour (<see cref="ColdStartAnswer.ItemWithoutNeighbours"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The model cannot find similar items.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="item"/> is not a model item.</exception>
    public ColdStartAnswer SimilarItems(int item, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Model.Items.Count, nameof(item));
        if (Model is not ISimilarItems similar)
            throw new ArgumentException($"the {Model.ModelName} model has no item similarities.", nameof(item));
        var empty = new ResolvedRequest([], [], null, null, []);
        if (Model is not RecommenderBase trained || trained.ItemHasSignal(item))
        {
            var (items, scores) = similar.SimilarItems(item, k);
            if (items.Length > 0) return Answer(items, scores, RecommendationPath.Model, empty);
            return PopularExcept(item, k, empty) with { ItemWithoutNeighbours = true };
        }
        return PopularExcept(item, k, empty) with { ItemWithoutSignal = true };
    }

    // The popularity step of the chain for a similar-items request: the most popular tracks minus the track itself.
    private ColdStartAnswer PopularExcept(int item, int k, ResolvedRequest empty)
    {
        var (popular, popularScores) = Fallback.RecommendFromHistory([item], [0f], k, RecommendOptions.Default);
        return Answer(popular, popularScores, RecommendationPath.Popularity, empty);
    }

    /// <summary>True unless the model keeps its training matrix and <paramref name="user"/> has no positive entry in it.</summary>
    public static bool HasSignal(IRecommender model, int user) => model is not RecommenderBase trained || trained.HasSignal(user);

    // Only positive history values are evidence; the others (a skip, a dislike) are excluded but never folded in.
    private static (int[] Items, float[] Values) Positive(int[] items, float[] values)
    {
        if (Array.TrueForAll(values, v => v > 0)) return (items, values);
        var keep = Enumerable.Range(0, items.Length).Where(i => values[i] > 0).ToArray();
        return ([.. keep.Select(i => items[i])], [.. keep.Select(i => values[i])]);
    }

    private static (int[] Items, float[] Scores) Without(int[] items, float[] scores, int[] drop)
    {
        if (drop.Length == 0) return (items, scores);
        var set = drop.ToHashSet();
        var keep = Enumerable.Range(0, items.Length).Where(i => !set.Contains(items[i])).ToArray();
        return ([.. keep.Select(i => items[i])], [.. keep.Select(i => scores[i])]);
    }

    private ColdStartAnswer Answer(int[] items, float[] scores, RecommendationPath path, ResolvedRequest resolved)
    {
        var ids = new string[items.Length];
        for (var i = 0; i < items.Length; i++) ids[i] = Model.Items[items[i]];
        return new ColdStartAnswer(ids, scores, path, resolved.Unknown);
    }

    private static int[]? Concat(int[]? a, int[] b) => b.Length == 0 ? a : a is null ? b : [.. a, .. b];
}
