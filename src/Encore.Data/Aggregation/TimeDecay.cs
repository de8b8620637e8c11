using Encore.Core.Errors;

namespace Encore.Data.Aggregation;

/// <summary>
/// Exponential forgetting: an event of age a days (reference time minus event time) weighs 0.5^(a / half-life).
/// Events at or after the reference time and events without a time keep their full weight.
/// </summary>
public sealed record TimeDecay
{
    public TimeDecay(double halfLifeDays, long referenceTimeMs)
    {
        Guard.Positive(halfLifeDays);
        HalfLifeDays = halfLifeDays;
        ReferenceTimeMs = referenceTimeMs;
    }

    public double HalfLifeDays { get; }

    /// <summary>Unix ms, UTC (usually the end of the training period).</summary>
    public long ReferenceTimeMs { get; }

    private const double MsPerDay = 86_400_000.0;

    /// <summary>The factor 0.5^(age / half-life) for an event at <paramref name="timeMs"/>.</summary>
    public float Factor(long timeMs)
    {
        if (timeMs == Model.Missing.Time || timeMs >= ReferenceTimeMs) return 1f;
        var ageDays = (ReferenceTimeMs - timeMs) / MsPerDay;
        return (float)Math.Exp(-Math.Log(2.0) * ageDays / HalfLifeDays);
    }
}
