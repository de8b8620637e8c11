namespace Encore.Evaluation.Tuning;

/// <summary>How <c>encore tune</c> divides a trial budget among the models it tunes.</summary>
public static class TuneBudget
{
    /// <summary>
    /// Splits <paramref name="trials"/> full-effort trials among <paramref name="models"/> models as evenly as whole trials
    /// allow, the first models taking the remainder (7 over 3: 3, 2, 2), so the shares add up to the budget. Every model gets
    /// at least 1 (its defaults are its first trial), so a budget smaller than the number of models is exceeded; the caller
    /// says so.
    /// </summary>
    /// <returns>One share per model, in order; each >= 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> or <paramref name="models"/> is below 1.</exception>
    public static int[] Split(int trials, int models)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 1);
        var shares = new int[models];
        for (var i = 0; i < models; i++) shares[i] = Math.Max(1, trials / models + (i < trials % models ? 1 : 0));
        return shares;
    }
}
