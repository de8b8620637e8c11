using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization;

/// <summary>Similar items / users by cosine of factor vectors, and fold-in recommendations from a history.</summary>
public abstract partial class FactorModel
{
    /// <summary>
    /// Items with the highest cosine similarity to <paramref name="item"/> (the item itself excluded). Items
    /// without positive signal in training are never neighbours, and such an item has none (empty answer):
    /// its factor vector is only its random start.
    /// </summary>
    public (int[] Items, float[] Scores) SimilarItems(int item, int k)
    {
        if (!ItemHasSignal(CheckItem(item))) return ([], []);
        var scores = new float[Items.Count];
        using (LeaseFactors()) ScoreVector(ItemVector(item), scores);
        Cosine(scores, _itemNorms.Value, _itemNorms.Value[item]);
        MaskNoEvidence(scores);
        scores[item] = float.NaN;
        return RankingFilter.Select(scores, null, k);
    }

    /// <summary>Users with the highest cosine similarity to <paramref name="user"/> (the user excluded).</summary>
    public (int[] Users, float[] Scores) SimilarUsers(int user, int k)
    {
        var scores = new float[Users.Count];
        using (LeaseFactors())
        {
            var u = UserVector(user);
            for (var other = 0; other < scores.Length; other++)
                scores[other] = System.Numerics.Tensors.TensorPrimitives.Dot(u, _userFactors.Slice((long)other * Dimensions, Dimensions));
        }
        Cosine(scores, _userNorms.Value, _userNorms.Value[user]);
        scores[user] = float.NaN;
        return RankingFilter.Select(scores, null, k);
    }

    /// <summary>
    /// Folds in a user from a request-time history: solves the weighted ridge system of ALS for the user
    /// against the trained item factors, then ranks all items. Exact for ALS; an approximation for models
    /// trained with other losses (see docs).
    /// </summary>
    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        var user = FoldIn(items, values);
        var scores = new float[Items.Count];
        ScoreVector(user, scores);
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    /// <summary>The user vector that the weighted ridge solution gives for a history.</summary>
    public float[] FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        Guard.SameLength(items.Length, values.Length, "history items and values");
        foreach (var item in items) _ = CheckItem(item);
        var (sorted, sortedValues) = Deduplicated(items, values);
        var user = new float[Dimensions];
        var k = FoldInDimensions;
        using var lease = LeaseFactors();
        if (!WeightedRidge.SolveExact(_foldInGram.Value, _itemFactors.Span, k, Dimensions, sorted, sortedValues, FoldInAlpha, new float[k * k], user.AsSpan(0, k)))
            throw new ModelFitException("Fold-in system is not positive definite; the model's regularization is too small for this history.");
        CompleteFoldIn(user);
        return user;
    }

    // A history may repeat an item; values of repeats are added, as the training matrix would have them.
    private static (int[] Items, float[] Values) Deduplicated(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        var map = new SortedDictionary<int, float>();
        for (var i = 0; i < items.Length; i++) map[items[i]] = map.GetValueOrDefault(items[i]) + values[i];
        return (map.Keys.ToArray(), map.Values.ToArray());
    }

    private static void Cosine(Span<float> dots, ReadOnlySpan<float> norms, float selfNorm)
    {
        for (var i = 0; i < dots.Length; i++)
        {
            var denominator = norms[i] * selfNorm;
            // Rounding can put the cosine of parallel vectors just outside [-1, 1] (1.0000001): clamp it.
            dots[i] = denominator > 0 ? Math.Clamp(dots[i] / denominator, -1f, 1f) : 0f;
        }
    }
}
