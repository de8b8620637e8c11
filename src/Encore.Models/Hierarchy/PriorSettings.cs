using System.Globalization;

namespace Encore.Models.Hierarchy;

/// <summary>
/// The prior of the Bayesian fallback mu_i = (N_i mean_i + C_level P) / (N_i + C_level) at each level, with P the prior
/// mean (<see cref="PriorMean"/>: M, or M_level). C_level = +infinity switches the smoothing off at that level: every
/// entity then gets P, so the fallback carries no per-entity signal. C_level = 0 is the raw entity mean.
/// </summary>
public sealed record PriorSettings
{
    private readonly double[] _strengths;

    /// <param name="strengths">C per <see cref="HierarchyLevel"/> (track, album, artist, genre), each &gt;= 0 or +infinity.</param>
    /// <param name="mean">The prior mean.</param>
    /// <exception cref="ArgumentException">Not four strengths, or one negative or NaN.</exception>
    public PriorSettings(IReadOnlyList<double> strengths, PriorMean mean)
    {
        ArgumentNullException.ThrowIfNull(strengths);
        if (strengths.Count != 4) throw new ArgumentException($"one prior strength per level (4) expected, got {strengths.Count}.");
        foreach (var c in strengths)
            if (!(c >= 0)) throw new ArgumentException($"prior strength {c} is invalid: expected a number >= 0 or infinity.");
        if (!Enum.IsDefined(mean)) throw new ArgumentException($"unknown prior mean {(int)mean}.");
        _strengths = [.. strengths];
        Mean = mean;
    }

    /// <summary>SPEC S4's formula: the same <paramref name="strength"/> at every level, prior mean M.</summary>
    public static PriorSettings Spec(double strength) => new([strength, strength, strength, strength], PriorMean.Global);

    /// <summary>No smoothing anywhere (C = infinity at every level) with prior mean <paramref name="mean"/>.</summary>
    public static PriorSettings Off(PriorMean mean = PriorMean.Global) =>
        new([double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity], mean);

    /// <summary>C per level, indexed by <see cref="HierarchyLevel"/>.</summary>
    public IReadOnlyList<double> Strengths => _strengths;

    public PriorMean Mean { get; }

    /// <summary>C at <paramref name="level"/>.</summary>
    public double Strength(HierarchyLevel level) => _strengths[(int)level];

    /// <summary>These settings with C at <paramref name="level"/> replaced.</summary>
    public PriorSettings With(HierarchyLevel level, double strength)
    {
        var s = (double[])_strengths.Clone();
        s[(int)level] = strength;
        return new PriorSettings(s, Mean);
    }

    /// <summary>True when album, artist and genre are all unsmoothed towards M: the Bayesian step changes no strategy score.</summary>
    public bool BayesianStepOff => Mean == PriorMean.Global &&
        double.IsPositiveInfinity(Strength(HierarchyLevel.Album)) && double.IsPositiveInfinity(Strength(HierarchyLevel.Artist)) &&
        double.IsPositiveInfinity(Strength(HierarchyLevel.Genre));

    /// <summary>"album C=inf, artist C=30, genre C=inf, track C=10; prior mean M".</summary>
    public string Describe() =>
        string.Join(", ", new[] { HierarchyLevel.Album, HierarchyLevel.Artist, HierarchyLevel.Genre, HierarchyLevel.Track }
            .Select(l => $"{l.ToString().ToLowerInvariant()} C={Format(Strength(l))}"))
        + (Mean == PriorMean.Global ? "; prior mean M (global)" : "; prior mean M_level (per level, departs from SPEC S4)");

    /// <summary>A strength as text: "inf" for +infinity, else the number.</summary>
    public static string Format(double strength) =>
        double.IsPositiveInfinity(strength) ? "inf" : strength.ToString("0.##", CultureInfo.InvariantCulture);

    public bool Equals(PriorSettings? other) => other is not null && Mean == other.Mean && _strengths.AsSpan().SequenceEqual(other._strengths);

    public override int GetHashCode() => HashCode.Combine(Mean, _strengths[0], _strengths[1], _strengths[2], _strengths[3]);
}
