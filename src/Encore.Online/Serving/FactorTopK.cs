using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization;

namespace Encore.Online.Serving;

/// <summary>
/// The single-user hot path for factor models: <see cref="FactorModel.RecommendOne"/>, the exact top-k over the item
/// factors in norm-ordered panels, which stops at the first panel whose norm bound cannot beat the k-th best score.
/// With an allow list: one pass of the model's vector kernel into a per-thread score buffer (allocated once per thread
/// and catalogue size), mask, bounded heap. With reduced precision (serving.reduced_precision) the pass
/// reads the float16 copy of the item factors and the items that could enter the top-k are rescored in float32
/// (<see cref="FactorModel.RescoreCandidates"/>): the same ids and scores as the float32 pass.
/// </summary>
internal static class FactorTopK
{
    [ThreadStatic]
    private static float[]? _threadScores;

    [ThreadStatic]
    private static float[]? _threadScratch;

    [ThreadStatic]
    private static TopKSelector? _threadSelector;

    public static (int[] Items, float[] Scores) Recommend(FactorModel model, int user, int k, CsrMatrix? seen, RecommendOptions options,
        bool reducedPrecision = false)
    {
        var reduced = reducedPrecision && options.Allow is null && model.SupportsReducedPrecision;
        // The exact top-k over norm-ordered panels with early termination: most users read a few panels, not every item.
        if (!reduced && options.Allow is null) return model.RecommendOne(user, k, options.ExcludeSeen ? seen : null, options.Exclude);
        var n = model.Items.Count;
        var scores = _threadScores;
        if (scores is null || scores.Length != n) _threadScores = scores = new float[n];
        var vector = model.UserVector(user);
        if (reduced)
        {
            var scratch = _threadScratch;
            if (scratch is null || scratch.Length < model.ReducedPrecisionScratchLength) _threadScratch = scratch = new float[model.ReducedPrecisionScratchLength];
            model.ScoreVectorReducedPrecision(vector, scores, scratch);
        }
        else model.ScoreVector(vector, scores);
        RankingFilter.Apply(scores, user, seen, options);
        if (model.NoSignalItems is { } none)
            for (var i = 0; i < n; i++)
                if (none[i]) scores[i] = float.NaN; // no evidence behind these tracks
        if (reduced)
        {
            var selector = _threadSelector;
            if (selector is null || selector.Capacity < Math.Min(k, n)) _threadSelector = selector = new TopKSelector(Math.Min(k, n));
            _ = model.RescoreCandidates(vector, scores, k, selector);
        }
        return RankingFilter.Select(scores, options.Allow, k);
    }
}
