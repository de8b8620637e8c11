namespace Encore.Models.Group;

/// <summary>
/// One member's expected plays of every candidate item, the per-member term of <see cref="GroupStrategy.ExpectedPlays"/>:
/// <c>E(i) = rho c(i) + (1 - rho) N q(i)</c>, where c(i) &gt;= 0 is the member's training value of item i (plays, SPEC S1
/// score), N = sum of c (the member's activity; 1 when the history is empty), rho the repeat share, and q the
/// exploration distribution over the candidates the member has not played: q(i) = max(s(i), 0) / sum of max(s, 0)
/// over those candidates, s the model's raw scores (0 everywhere when no score is positive).
/// </summary>
/// <remarks>
/// A member's future plays split into repeats of their own past (distributed like their training plays) and new
/// tracks (distributed like the model's scores); both parts scale with the member's activity, so a heavy listener
/// who replays a small set of tracks weighs more per track than a light or scattered one. Summing the members'
/// E(i) gives the group's expected plays of i, and, for small probabilities, the expected number of members who
/// play it: the quantity group Precision@k over the union of the members' relevant tracks rewards. The two-mode
/// split follows the repeat / explore decomposition of repeat consumption (Anderson et al., "The dynamics of repeat
/// consumption", WWW 2014; Ren et al., "RepeatNet", AAAI 2019).
/// </remarks>
public static class ExpectedPlays
{
    /// <summary>
    /// Expected plays of every item for one member (NaN where the item is not a candidate).
    /// </summary>
    /// <param name="scores">The model's raw scores, one per item; NaN = not a candidate.</param>
    /// <param name="historyItems">Items the member played in training (dense indices; out-of-range ones are ignored).</param>
    /// <param name="historyValues">Their training values; values &lt;= 0 (skips, dislikes) count as 0.</param>
    /// <param name="repeatShare">rho in [0, 1].</param>
    /// <exception cref="ArgumentException">The history arrays differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repeatShare"/> outside [0, 1].</exception>
    public static float[] ForMember(ReadOnlySpan<float> scores, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyValues, double repeatShare)
    {
        if (historyItems.Length != historyValues.Length)
            throw new ArgumentException($"History has {historyItems.Length} items but {historyValues.Length} values.", nameof(historyValues));
        Core.Errors.Guard.InRange(repeatShare, 0, 1, nameof(repeatShare));
        var n = scores.Length;
        var played = new double[n];
        var activity = 0.0;
        for (var p = 0; p < historyItems.Length; p++)
        {
            var item = historyItems[p];
            var value = Math.Max(historyValues[p], 0f);
            if ((uint)item >= (uint)n || value <= 0) continue;
            played[item] += value;
            activity += value;
        }
        if (activity <= 0) activity = 1;
        var mass = 0.0;
        for (var i = 0; i < n; i++)
            if (played[i] == 0 && scores[i] > 0) mass += scores[i];
        var explore = mass > 0 ? (1 - repeatShare) * activity / mass : 0;
        var result = new float[n];
        for (var i = 0; i < n; i++)
        {
            if (float.IsNaN(scores[i])) { result[i] = float.NaN; continue; }
            result[i] = played[i] > 0
                ? (float)(repeatShare * played[i])
                : (float)(explore * Math.Max(scores[i], 0f));
        }
        return result;
    }
}
