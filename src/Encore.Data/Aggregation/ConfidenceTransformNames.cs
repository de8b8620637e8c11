using System.Globalization;

namespace Encore.Data.Aggregation;

/// <summary>
/// The written names of the confidence transforms, one grammar for every place that takes one (train and evaluate's
/// <c>--confidence</c>, <c>data.confidence</c>, the service's <c>retrain.confidence</c> and a settings file's
/// <c>[data] confidence</c>): <c>auto | none | linear:ALPHA | log[:ALPHA] | log1p | bm25[:K1:B] | tfidf</c>
/// (formulas: docs/aggregation.md). Case and surrounding blanks are ignored.
/// </summary>
public static class ConfidenceTransformNames
{
    /// <summary>The grammar, for help texts and error messages.</summary>
    public const string Help = "auto (chosen from the values) | none | linear:ALPHA | log:ALPHA | log1p | bm25[:K1:B] | tfidf";

    /// <summary>The transform named by <paramref name="text"/>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not in the grammar (the message says what is).</exception>
    public static ConfidenceTransform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        try
        {
            return Named(parts, text);
        }
        catch (ArgumentException ex)
        {
            // A number out of range (log:-1) is a bad name too: callers prefix the option (--confidence, data.confidence).
            throw new FormatException($"'{text}': {Encore.Core.Errors.Guard.PlainMessage(ex)}", ex);
        }
    }

    private static ConfidenceTransform Named(string[] parts, string text) =>
        (parts[0], parts.Length) switch
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
            _ => throw new FormatException($"'{text}' is not one of {Help}."),
        };

    /// <summary>Whether <paramref name="text"/> names a transform (<see cref="Parse"/> would not throw).</summary>
    public static bool IsValid(string? text)
    {
        if (text is null) return false;
        try
        {
            _ = Parse(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static double Number(string part, string whole) =>
        double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{whole}': '{part}' is not a number.");
}
