using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization;

namespace Encore.Online.Serving;

/// <summary>
/// The single-user hot path for factor models: <see cref="FactorModel.RecommendOne"/>, the exact top-k over the item
/// factors in norm-ordered panels, which stops at the first panel whose norm bound cannot beat the k-th best score.
/// With an allow list: one pass of the model's vector kernel into a per-thread score buffer (allocated once per thread
/// and catalogue size), mask, bounded heap.
/// </summary>
internal static class FactorTopK
{
    [ThreadStatic]
    private static float[]? _threadScores;

    public static (int[] Items, float[] Scores) Recommend(FactorModel model, int user, int k, CsrMatrix? seen, RecommendOptions options)
    {
        // The exact top-k over norm-ordered panels with early termination: most users read a few panels, not every item.
        if (options.Allow is null) return model.RecommendOne(user, k, options.ExcludeSeen ? seen : null, options.Exclude);
        var n = model.Items.Count;
        var scores = _threadScores;
        if (scores is null || scores.Length != n) _threadScores = scores = new float[n];
        model.ScoreVector(model.UserVector(user), scores);
        RankingFilter.Apply(scores, user, seen, options);
        if (model.NoSignalItems is { } none)
            for (var i = 0; i < n; i++)
                if (none[i]) scores[i] = float.NaN; // no evidence behind these tracks
        return RankingFilter.Select(scores, options.Allow, k);
    }
}
