using Encore.Core.Sparse;
using Encore.Data.Aggregation;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// The confidence transform of a protocol, applied to the raw training scores: "auto" is resolved on those values
/// (never on held-out ones), and the options that come back name the transform that was used.
/// </summary>
internal static class ConfidenceStep
{
    public static (ProtocolOptions Options, CsrMatrix Train, ConfidenceChoice Choice) Apply(ProtocolOptions options, CsrMatrix rawTrain)
    {
        var choice = ConfidenceChoice.Resolve(options.Aggregation.Confidence, rawTrain);
        var resolved = options with { Aggregation = options.Aggregation with { Confidence = choice.Transform } };
        return (resolved, choice.Apply(rawTrain), choice);
    }

    /// <summary>", confidence log1p (auto)" for the protocol label; empty when the values were used as they are.</summary>
    public static string LabelSuffix(ConfidenceChoice? choice) =>
        choice is null || ReferenceEquals(choice.Transform, ConfidenceTransform.None) ? "" : $", confidence {choice.Label}";
}
