using System.Globalization;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization;

namespace Encore.Online.Retraining;

/// <summary>
/// A sanity check of a retrained model before it may go live: the candidate before its comparison (a diverged fit can
/// still score a finite NDCG, and a first version is activated whatever its score), and the refit on all data after a
/// passed comparison (<see cref="RetrainOptions.RefitOnAllData"/>; it has seen the held-out tracks, so its NDCG is not
/// comparable with the candidate's and is not measured). The model must (1) hold only finite factors when it is a
/// factor model, (2) give finite scores to the sampled users and (3) answer a top-k to every sampled user the reference
/// model answered who still has an unheard track. A diverged fit (NaN factors) fails (1) and (2).
/// </summary>
internal static class SanityCheck
{
    /// <summary>Why <paramref name="refit"/> must not go live; null when it passes.</summary>
    /// <param name="refit">The model checked (the refit fitted on <paramref name="all"/>, or the candidate).</param>
    /// <param name="candidate">The reference for (3), on the same users and items: the checked candidate for the refit, the candidate itself otherwise.</param>
    /// <param name="all">The model's training matrix (users x items, dense indices shared by both models).</param>
    /// <param name="users">Dense users to ask (the holdout check's sample; users with tracks when empty, seeded).</param>
    /// <param name="maxUsers">Most users asked when <paramref name="users"/> is empty.</param>
    /// <param name="seed">Seed of that sample.</param>
    public static string? Problem(IRecommender refit, IRecommender candidate, CsrMatrix all, int[] users, int maxUsers, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(refit);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(all);
        if (refit is FactorModel factors && (NonFinite(factors.UserFactors) + NonFinite(factors.ItemFactors)) is var bad and > 0)
            return string.Create(CultureInfo.InvariantCulture, $"{bad:N0} of its factor values are not finite numbers (a diverged fit)");
        if (users.Length == 0) users = HoldoutCheck.SampleUsers(all, maxUsers, seed);
        if (users.Length == 0) return null;
        var answers = refit.Recommend(users, HoldoutCheck.K);
        // The candidate checked against itself answers once.
        var checkedAnswers = ReferenceEquals(refit, candidate) ? answers : candidate.Recommend(users, HoldoutCheck.K);
        int notFinite = 0, silent = 0;
        for (var i = 0; i < users.Length; i++)
        {
            if (NonFinite(answers.ScoresOf(i)) > 0) notFinite++;
            if (answers.Counts[i] == 0 && checkedAnswers.Counts[i] > 0 && all.RowLength(users[i]) < all.Columns) silent++;
        }
        if (notFinite > 0)
            return string.Create(CultureInfo.InvariantCulture, $"{notFinite} of {users.Length} sampled users got scores that are not finite numbers (a diverged fit)");
        if (silent > 0)
            return string.Create(CultureInfo.InvariantCulture, $"it answered no track to {silent} of {users.Length} sampled users whom the checked candidate answered");
        return null;
    }

    private static int NonFinite(ReadOnlySpan<float> values)
    {
        var n = 0;
        foreach (var v in values)
            if (!float.IsFinite(v)) n++;
        return n;
    }
}
