namespace Encore.Data.Synthetic;

/// <summary>
/// Heavy-tailed user activity: weight exp(sigma Z) per user (log-normal); every user gets one event, the
/// rest of the target is shared in proportion to the weights (largest remainders), so the total is exact.
/// </summary>
internal static class ActivityBudgets
{
    public static int[] Create(SyntheticWorldOptions o, ulong seed)
    {
        var users = o.Users;
        var weights = new double[users];
        var stageSeed = SyntheticStreams.StageSeed(seed, SyntheticStage.Activity);
        var total = 0.0;
        for (var u = 0; u < users; u++)
        {
            var rng = SyntheticStreams.ForIndex(stageSeed, u);
            total += weights[u] = Math.Exp(o.ActivitySigma * rng.NextGaussian());
        }
        var rest = o.TargetEvents - users;
        var budgets = new int[users];
        var remainders = new double[users];
        var order = new int[users];
        long given = 0;
        for (var u = 0; u < users; u++)
        {
            var share = rest * weights[u] / total;
            var whole = Math.Floor(share);
            budgets[u] = 1 + (int)whole;
            given += (long)whole;
            remainders[u] = -(share - whole); // negated: ascending sort puts the largest remainder first
            order[u] = u;
        }
        Array.Sort(remainders, order);
        for (var i = 0; given < rest; i++, given++) budgets[order[i % users]]++;
        return budgets;
    }
}
