using Encore.Models.Contract;
using Encore.Models.Factorization;
using Encore.Models.Group;
using Encore.Online.Registry;

namespace Encore.Online.Serving;

/// <summary>Full score vectors for a resolved <see cref="UserProfile"/> (groups, candidate scores), whichever path it took.</summary>
internal static class ProfileScoring
{
    /// <summary>
    /// A score for every item (NaN where the path gives none: items without training signal; a fold-in scores items its history
    /// gives no evidence for at its floor, <see cref="FoldInScoreVector"/>), with the path that gave them and, for a fallback, why
    /// (the reasons of <see cref="RecommendationResponse.Reason"/>). A fold-in that has evidence for no track at all (a
    /// history of tracks without signal) falls back to popularity, "history-unusable", as a user's recommendations do: its
    /// vector was all NaN, which left a group no candidate (an empty list) and answered every candidate score null.
    /// </summary>
    public static ProfileScores All(ServingModel serving, UserProfile profile)
    {
        var model = serving.Model;
        var n = model.Items.Count;
        var scores = new float[n];
        switch (profile.Path)
        {
            case ServingPath.Model when model is FactorModel factors:
                factors.ScoreVector(factors.UserVector(profile.User), scores);
                return new(scores, ServingPath.Model, null);
            case ServingPath.Model:
                var all = new int[n];
                for (var i = 0; i < n; i++) all[i] = i;
                model.Score(profile.User, all, scores);
                return new(scores, ServingPath.Model, null);
            case ServingPath.FoldIn:
                var (items, values) = ((IHistoryRecommender)model).RecommendFromHistory(profile.Items, profile.Values, n, new RecommendOptions { ExcludeSeen = false });
                if (items.Length == 0) return Popularity(serving, scores, "history-unusable");
                FoldInScoreVector.Fill(model, items, values, scores);
                return new(scores, ServingPath.FoldIn, null);
            default:
                // A user the model knows reaches this step only without positive signal (ColdStartResolver.Resolve).
                return Popularity(serving, scores, profile.User >= 0 ? "no-positive-signal" : null);
        }
    }

    private static ProfileScores Popularity(ServingModel serving, float[] scores, string? reason)
    {
        var popularity = serving.Popularity ?? throw OnlineRequestException.Conflict("model", $"Model '{serving.Name}' has no popularity fallback for unknown users.");
        popularity.ItemScores.CopyTo(scores);
        return new(scores, ServingPath.Popularity, reason);
    }
}

/// <summary>A score per item (NaN = none), the serving path that produced them and why a fallback answered (null otherwise).</summary>
internal sealed record ProfileScores(float[] Scores, string Path, string? Reason);
