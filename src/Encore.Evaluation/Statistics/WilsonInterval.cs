namespace Encore.Evaluation.Statistics;

/// <summary>
/// The Wilson score 95% interval of a binomial proportion (Wilson 1927): centre (p + z²/2n) / (1 + z²/n), half-width
/// z sqrt(p(1 - p)/n + z²/4n²) / (1 + z²/n), z = 1.959964. Stays inside [0, 1] and is sensible at p = 0 or 1 and for
/// small n, unlike the normal interval.
/// </summary>
public static class WilsonInterval
{
    private const double Z = 1.959964;

    /// <summary>The interval of the observed proportion <paramref name="p"/> (0..1) over <paramref name="n"/> trials; (NaN, NaN) when n is 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static (double Low, double High) Of(double p, int n) => Of(p, (double)n);

    /// <summary>
    /// The interval of the proportion <paramref name="p"/> (0..1) over an effective (possibly fractional) number of
    /// trials <paramref name="n"/>, e.g. n / design effect for clustered trials (Korn &amp; Graubard 1998); (NaN, NaN)
    /// when n is 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or not finite.</exception>
    public static (double Low, double High) Of(double p, double n)
    {
        if (!(n >= 0) || double.IsInfinity(n)) throw new ArgumentOutOfRangeException(nameof(n), n, "expected a finite number of trials >= 0.");
        if (n == 0) return (double.NaN, double.NaN);
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // Rounding can put an end a hair outside [0, 1] at p = 0 or 1.
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
