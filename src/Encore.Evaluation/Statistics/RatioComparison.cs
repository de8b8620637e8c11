namespace Encore.Evaluation.Statistics;

/// <summary>
/// A ratio metric of one group, e.g. plays per impression: R = Σ y_u / Σ n_u over randomisation units u (users),
/// with the delta-method variance Var(R) ≈ Σ (y_u − R n_u)² / (N (N − 1) n̄²) that accounts for the correlation
/// of impressions within a user (Deng et al., "Applying the Delta Method in Metric Analytics", KDD 2018), and its
/// 95% interval (which kind of interval depends on the factory of <see cref="RatioComparison"/> that made it).
/// </summary>
/// <param name="Units">N, the number of units with at least one impression.</param>
/// <param name="Numerator">Σ y_u.</param>
/// <param name="Denominator">Σ n_u.</param>
/// <param name="Value">R (0 when there is no impression).</param>
/// <param name="Variance">Delta-method variance of R; null with fewer than two units or no impression (not enough data).</param>
/// <param name="Low95">Lower end of the 95% interval; null when <paramref name="Variance"/> is.</param>
/// <param name="High95">Upper end of the 95% interval; null when <paramref name="Variance"/> is.</param>
public readonly record struct RatioEstimate(int Units, double Numerator, double Denominator, double Value, double? Variance, double? Low95, double? High95)
{
    /// <summary>True when a variance (and so an interval and a test) could be estimated: at least two units with impressions.</summary>
    public bool HasEnoughData => Variance is not null;
}

/// <summary>
/// The difference of two ratio metrics (treatment − control) with its interval and two-sided p-value. When either
/// group has too little data (<see cref="RatioEstimate.HasEnoughData"/>) or the standard error is 0 there is no
/// test: <paramref name="Low"/>, <paramref name="High"/>, <paramref name="Z"/> and <paramref name="PValue"/> are
/// null, <paramref name="Significant"/> is false and <paramref name="Reason"/> says why.
/// </summary>
public readonly record struct RatioDifference(double Difference, double? Low, double? High, double? Z, double? PValue, bool Significant, string? Reason)
{
    /// <summary>"significant", "not significant" or "not enough data" (no test was possible).</summary>
    public string Verdict => PValue is null ? "not enough data" : Significant ? "significant" : "not significant";
}

/// <summary>
/// Fixed-horizon two-sample z-test of ratio metrics between independent groups (an A/B test). Valid when the
/// sample size is fixed in advance and the test is read once at that horizon; reading it repeatedly and stopping
/// at the first p &lt; α inflates the false-positive rate (use a fixed horizon, or an α-spending correction).
/// </summary>
public static class RatioComparison
{
    /// <summary>Fewest units per group for a variance (the delta method divides by N − 1).</summary>
    public const int MinimumUnits = 2;

    private static readonly double Z95 = NormalQuantile(0.975);

    /// <summary>
    /// The estimate of an unbounded ratio, with the normal interval R ± 1.96 √Var. Use
    /// <see cref="EstimateProportion"/> or <see cref="EstimateBounded"/> when the ratio has a range.
    /// </summary>
    /// <param name="numerators">y_u per unit.</param>
    /// <param name="denominators">n_u per unit (aligned with <paramref name="numerators"/>), each &gt;= 0.</param>
    /// <exception cref="ArgumentException">The arrays differ in length, or a denominator is negative.</exception>
    public static RatioEstimate Estimate(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators) =>
        EstimateBounded(numerators, denominators, double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>
    /// The estimate of a ratio whose per-denominator value lies in [<paramref name="min"/>, <paramref name="max"/>]
    /// (e.g. a reward per impression): the normal interval R ± 1.96 √Var clipped to that range, because a rate
    /// cannot leave it. Clipping drops only impossible values, so the coverage is unchanged, but the
    /// normal interval itself is rough near a bound with few units; for 0/1 outcomes prefer <see cref="EstimateProportion"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length, a denominator is negative, or min &gt; max.</exception>
    public static RatioEstimate EstimateBounded(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, double min, double max)
    {
        if (!(min <= max)) throw new ArgumentException($"range [{min}, {max}]: expected min <= max.");
        var (units, y, n, r, variance) = Sums(numerators, denominators);
        if (variance is not { } v) return new RatioEstimate(units, y, n, r, null, null, null);
        var half = Z95 * Math.Sqrt(v);
        return new RatioEstimate(units, y, n, r, v, Math.Max(min, r - half), Math.Min(max, r + half));
    }

    /// <summary>
    /// The estimate of a proportion (each unit's y_u of n_u trials succeeded, 0 &lt;= y_u &lt;= n_u) with a Wilson
    /// score interval at the effective number of trials n* = R(1 − R) / Var, the trials divided by the design effect
    /// of users' correlated impressions (Korn &amp; Graubard, "Confidence intervals for proportions with small
    /// expected number of positive counts estimated from survey data", Survey Methodology 24, 1998). n* is capped at
    /// Σ n_u (never claim more than independent trials) and equals Σ n_u when R is 0 or 1 or Var is 0. The interval
    /// stays inside [0, 1] and is not degenerate at R = 0 or 1, unlike the normal one.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length, a denominator is negative, or a numerator is outside [0, its denominator].</exception>
    public static RatioEstimate EstimateProportion(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        for (var i = 0; i < Math.Min(numerators.Length, denominators.Length); i++)
            if (!(numerators[i] >= 0 && numerators[i] <= denominators[i]))
                throw new ArgumentException($"unit {i}: {numerators[i]} successes of {denominators[i]} trials; expected 0 <= successes <= trials.");
        var (units, y, n, r, variance) = Sums(numerators, denominators);
        if (variance is not { } v) return new RatioEstimate(units, y, n, r, null, null, null);
        var effective = r > 0 && r < 1 && v > 0 ? Math.Min(n, r * (1 - r) / v) : n;
        var (low, high) = WilsonInterval.Of(r, effective);
        return new RatioEstimate(units, y, n, r, v, low, high);
    }

    /// <summary>N, Σ y, Σ n, R and the delta-method variance (null with fewer than <see cref="MinimumUnits"/> units or no denominator).</summary>
    private static (int Units, double Y, double N, double R, double? Variance) Sums(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        if (numerators.Length != denominators.Length)
            throw new ArgumentException($"{numerators.Length} numerators for {denominators.Length} denominators; expected one of each per unit.");
        double y = 0, n = 0;
        for (var i = 0; i < numerators.Length; i++)
        {
            if (denominators[i] < 0) throw new ArgumentException($"denominator {i} is {denominators[i]}; expected >= 0.");
            y += numerators[i];
            n += denominators[i];
        }
        var units = numerators.Length;
        if (n <= 0) return (units, y, n, 0, null);
        var r = y / n;
        // One unit gives no spread to estimate: its variance is unknown, not 0.
        if (units < MinimumUnits) return (units, y, n, r, null);
        double ss = 0;
        for (var i = 0; i < units; i++)
        {
            var residual = numerators[i] - r * denominators[i];
            ss += residual * residual;
        }
        var meanN = n / units;
        return (units, y, n, r, ss / ((double)units * (units - 1) * meanN * meanN));
    }

    /// <summary>
    /// Treatment − control with a two-sided z-test at level <paramref name="alpha"/> and the normal interval of the
    /// difference at 1 − α. No test ("not enough data", never significant) when either group has fewer than
    /// <see cref="MinimumUnits"/> units with impressions, or when both variances are 0 (every unit has the same rate,
    /// so the z statistic is undefined).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1).</exception>
    public static RatioDifference Compare(RatioEstimate control, RatioEstimate treatment, double alpha = 0.05)
    {
        if (!(alpha is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "expected a level in (0, 1).");
        var difference = treatment.Value - control.Value;
        if (control.Variance is not { } cv || treatment.Variance is not { } tv)
        {
            var reason = string.Join("; ", new[] { ("control", control), ("treatment", treatment) }
                .Where(g => !g.Item2.HasEnoughData)
                .Select(g => g.Item2.Denominator <= 0 ? $"{g.Item1} has no impressions" : $"{g.Item1} has {g.Item2.Units} unit{(g.Item2.Units == 1 ? "" : "s")} with impressions"));
            return new RatioDifference(difference, null, null, null, null, false, $"{reason}; a variance needs at least {MinimumUnits} per group");
        }
        var se = Math.Sqrt(cv + tv);
        if (se == 0) return new RatioDifference(difference, null, null, null, null, false, "every unit of both groups has the same rate: no spread to test against");
        var z = difference / se;
        var p = NormalDistribution.TwoSidedP(z);
        var half = NormalQuantile(1 - alpha / 2) * se;
        return new RatioDifference(difference, difference - half, difference + half, z, p, p < alpha, null);
    }

    /// <summary>The standard normal quantile Φ⁻¹(p) by bisection on <see cref="NormalDistribution.Cdf"/> (|error| &lt; 1e-9).</summary>
    public static double NormalQuantile(double p)
    {
        if (!(p is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "expected a probability in (0, 1).");
        double lo = -40, hi = 40;
        for (var i = 0; i < 100 && hi - lo > 1e-10; i++)
        {
            var mid = (lo + hi) / 2;
            if (NormalDistribution.Cdf(mid) < p) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
