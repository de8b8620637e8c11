using System.Globalization;
using Encore.Data.Aggregation;

namespace Encore.Cli.Arguments;

/// <summary><c>--confidence auto|none|linear:A|log:A|log1p|bm25[:K1:B]|tfidf</c> to a <see cref="ConfidenceTransform"/> (docs/aggregation.md).</summary>
internal static class ConfidenceArgument
{
    public const string Help = "auto (chosen from the values) | none | linear:ALPHA | log:ALPHA | log1p | bm25[:K1:B] | tfidf";

    public static ConfidenceTransform Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ConfidenceTransform.None;
        var parts = text.Trim().ToLowerInvariant().Split(':');
        return (parts[0], parts.Length) switch
        {
            ("auto", 1) => ConfidenceTransform.Auto,
            ("none", 1) => ConfidenceTransform.None,
            ("log1p", 1) => ConfidenceTransform.LogPlusOne,
            ("tfidf" or "tf-idf", 1) => ConfidenceTransform.TfIdf,
            ("bm25", 1) => ConfidenceTransform.Bm25(),
            ("bm25", 3) => ConfidenceTransform.Bm25(Number(parts[1], text), Number(parts[2], text)),
            ("linear", 2) => ConfidenceTransform.Linear(Number(parts[1], text)),
            ("log", 1) => ConfidenceTransform.Log(),
            ("log", 2) => ConfidenceTransform.Log(Number(parts[1], text)),
            _ => throw new ArgumentException($"--confidence '{text}' is not one of {Help}."),
        };
    }

    private static double Number(string part, string whole) =>
        double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"--confidence '{whole}': '{part}' is not a number.");
}
