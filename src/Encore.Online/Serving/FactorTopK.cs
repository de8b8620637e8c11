using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization;

namespace Encore.Online.Serving;

/// <summary>
/// The single-user hot path for factor models: one pass of the model's vector kernel into a per-thread score
/// buffer (allocated once per thread and catalogue size), mask, bounded heap. The batch kernel is built for
/// blocks of users and would do four users' work for one.
/// </summary>
internal static class FactorTopK
{
    [ThreadStatic]
    private static float[]? _threadScores;

    public static (int[] Items, float[] Scores) Recommend(FactorModel model, int user, int k, CsrMatrix? seen, RecommendOptions options)
    {
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
