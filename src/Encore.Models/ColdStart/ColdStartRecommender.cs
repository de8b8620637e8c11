using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Popularity;

namespace Encore.Models.ColdStart;

/// <summary>
/// Serves any model for external user ids without ever failing on an unseen user (the SPEC S1 notebook
/// crashed on "previously unseen labels"). The chain, first match wins:
/// 1. the user is in the model -> <see cref="RecommendationPath.Model"/>;
/// 2. unknown user, a history with at least one known item, and a model with fold-in
///    (<see cref="IHistoryRecommender"/>) -> <see cref="RecommendationPath.FoldIn"/>;
/// 3. otherwise -> <see cref="RecommendationPath.Popularity"/> (minus the history).
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
        if (request.UserId is { } id && Model.Users.TryGetIndex(id, out var user))
        {
            var exclude = request.ExcludeSeen ? Concat(resolved.Exclude, resolved.HistoryItems) : resolved.Exclude;
            var options = new RecommendOptions { ExcludeSeen = request.ExcludeSeen, Exclude = exclude, Allow = resolved.Allow };
            var (items, scores) = Model.RecommendOne(user, k, options);
            return Answer(items, scores, RecommendationPath.Model, resolved);
        }
        var historyOptions = new RecommendOptions { ExcludeSeen = request.ExcludeSeen, Exclude = resolved.Exclude, Allow = resolved.Allow };
        if (resolved.HistoryItems.Length > 0 && Model is IHistoryRecommender foldIn)
        {
            try
            {
                var (items, scores) = foldIn.RecommendFromHistory(resolved.HistoryItems, resolved.HistoryValues, k, historyOptions);
                return Answer(items, scores, RecommendationPath.FoldIn, resolved);
            }
            catch (ModelFitException)
            {
                // A history the model cannot fold in (e.g. an ill-conditioned ALS system): popularity is still an answer.
            }
        }
        var (popular, popularScores) = Fallback.RecommendFromHistory(resolved.HistoryItems, resolved.HistoryValues, k, historyOptions);
        return Answer(popular, popularScores, RecommendationPath.Popularity, resolved);
    }

    private ColdStartAnswer Answer(int[] items, float[] scores, RecommendationPath path, ResolvedRequest resolved)
    {
        var ids = new string[items.Length];
        for (var i = 0; i < items.Length; i++) ids[i] = Model.Items[items[i]];
        return new ColdStartAnswer(ids, scores, path, resolved.Unknown);
    }

    private static int[]? Concat(int[]? a, int[] b) => b.Length == 0 ? a : a is null ? b : [.. a, .. b];
}
