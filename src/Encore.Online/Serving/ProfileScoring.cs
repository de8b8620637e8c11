using Encore.Models.Contract;
using Encore.Models.Factorization;
using Encore.Online.Registry;

namespace Encore.Online.Serving;

/// <summary>Full score vectors for a resolved <see cref="UserProfile"/> (groups, candidate scores), whichever path it took.</summary>
internal static class ProfileScoring
{
    /// <summary>A score for every item (NaN where the path gives none).</summary>
    public static float[] All(ServingModel serving, UserProfile profile)
    {
        var model = serving.Model;
        var n = model.Items.Count;
        var scores = new float[n];
        switch (profile.Path)
        {
            case ServingPath.Model when model is FactorModel factors:
                factors.ScoreVector(factors.UserVector(profile.User), scores);
                return scores;
            case ServingPath.Model:
                var all = new int[n];
                for (var i = 0; i < n; i++) all[i] = i;
                model.Score(profile.User, all, scores);
                return scores;
            case ServingPath.FoldIn:
                Array.Fill(scores, float.NaN);
                var (items, values) = ((IHistoryRecommender)model).RecommendFromHistory(profile.Items, profile.Values, n, new RecommendOptions { ExcludeSeen = false });
                for (var i = 0; i < items.Length; i++) scores[items[i]] = values[i];
                return scores;
            default:
                var popularity = serving.Popularity ?? throw OnlineRequestException.Conflict("model", $"Model '{serving.Name}' has no popularity fallback for unknown users.");
                popularity.ItemScores.CopyTo(scores);
                return scores;
        }
    }
}
