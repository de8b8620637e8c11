namespace Encore.Evaluation.Statistics;

/// <summary>
/// A ratio metric of one group, e.g. plays per impression: R = Σ y_u / Σ n_u over randomisation units u (users),
/// with the delta-method variance Var(R) ≈ Σ (y_u − R n_u)² / (N (N − 1) n̄²) that accounts for the correlation
/// of impressions within a user (Deng et al., "Applying the Delta Method in Metric Analytics", KDD 2018).
/// </summary>
/// <param name="Units">N, the number of units with at least one impression.</param>
/// <param name="Numerator">Σ y_u.</param>
/// <param name="Denominator">Σ n_u.</param>
/// <param name="Value">R (0 when there is no impression).</param>
/// <param name="Variance">Delta-method variance of R (0 with fewer than two units).</param>
public readonly record struct RatioEstimate(int Units, double Numerator, double Denominator, double Value, double Variance)
{
    /// <summary>Two-sided normal interval R ± z·√Var at <paramref name="confidence"/> (e.g. 0.95).</summary>
    public (double Low, double High) Interval(double confidence = 0.95)
    {
        var z = RatioComparison.NormalQuantile(0.5 + confidence / 2);
        var half = z * Math.Sqrt(Variance);
        return (Value - half, Value + half);
    }

    /// <summary>Lower end of the 95% interval (<see cref="Interval"/>).</summary>
    public double Low95 => Interval().Low;

    /// <summary>Upper end of the 95% interval (<see cref="Interval"/>).</summary>
    public double High95 => Interval().High;
}

/// <summary>The difference of two ratio metrics (treatment − control) with its interval and two-sided p-value.</summary>
public readonly record struct RatioDifference(double Difference, double Low, double High, double Z, double PValue, bool Significant);

/// <summary>
/// Fixed-horizon two-sample z-test of ratio metrics between independent groups (an A/B test). Valid when the
/// sample size is fixed in advance and the test is read once at that horizon; reading it repeatedly and stopping
/// at the first p &lt; α inflates the false-positive rate (use a fixed horizon, or an α-spending correction).
/// </summary>
public static class RatioComparison
{
    /// <summary>The ratio estimate of one group from per-unit numerators and denominators (aligned arrays).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or a denominator is negative.</exception>
    public static RatioEstimate Estimate(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
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
        if (n <= 0) return new RatioEstimate(units, y, n, 0, 0);
        var r = y / n;
        if (units < 2) return new RatioEstimate(units, y, n, r, 0);
        double ss = 0;
        for (var i = 0; i < units; i++)
        {
            var residual = numerators[i] - r * denominators[i];
            ss += residual * residual;
        }
        var meanN = n / units;
        return new RatioEstimate(units, y, n, r, ss / ((double)units * (units - 1) * meanN * meanN));
    }

    /// <summary>Treatment − control with a two-sided z-test at level <paramref name="alpha"/>.</summary>
    public static RatioDifference Compare(RatioEstimate control, RatioEstimate treatment, double alpha = 0.05)
    {
        if (!(alpha is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "expected a level in (0, 1).");
        var difference = treatment.Value - control.Value;
        var se = Math.Sqrt(control.Variance + treatment.Variance);
        if (se == 0) return new RatioDifference(difference, difference, difference, 0, 1, false);
        var z = difference / se;
        var p = NormalDistribution.TwoSidedP(z);
        var half = NormalQuantile(1 - alpha / 2) * se;
        return new RatioDifference(difference, difference - half, difference + half, z, p, p < alpha);
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
