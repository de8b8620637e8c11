using System.Globalization;

namespace Encore.Evaluation.Protocols;

/// <summary>The relevance rule as protocol labels show it, e.g. "score >= 4 (yahoo-r3 default: >= 4 of 1..5)".</summary>
internal static class ThresholdLabel
{
    public static string Of(ProtocolOptions options) => options.ThresholdOrigin is { } origin
        ? string.Create(CultureInfo.InvariantCulture, $"score >= {options.RelevanceThreshold} ({origin})")
        : string.Create(CultureInfo.InvariantCulture, $"score >= {options.RelevanceThreshold}");
}
