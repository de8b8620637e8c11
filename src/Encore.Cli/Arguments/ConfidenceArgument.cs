using Encore.Data.Aggregation;

namespace Encore.Cli.Arguments;

/// <summary><c>--confidence auto|none|linear:A|log:A|log1p|bm25[:K1:B]|tfidf</c> to a <see cref="ConfidenceTransform"/> (<see cref="ConfidenceTransformNames"/>, docs/aggregation.md).</summary>
internal static class ConfidenceArgument
{
    public const string Help = ConfidenceTransformNames.Help;

    /// <exception cref="ArgumentException"><paramref name="text"/> names no transform.</exception>
    public static ConfidenceTransform Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ConfidenceTransform.None;
        try
        {
            return ConfidenceTransformNames.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"--confidence {ex.Message}", ex);
        }
    }
}
