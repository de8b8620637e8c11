using System.Globalization;
using Encore.Data.Aggregation;
using Encore.Online.Registry;
using Encore.Online.Retraining;

namespace Encore.Online.Serving;

/// <summary>
/// What a served model version was trained with, as far as it is recorded: a retrain writes its ratings reading
/// (<see cref="RetrainRatings.Describe"/>: "ratings values (auto)", ", threshold 4 (...)") and its confidence choice
/// ("confidence log1p (auto): ...") into the registered version's note. A model file from <c>encore train</c> keeps no
/// such record (the file holds the model, not how its matrix was read), so its parts are null and fold-in resolves them
/// as a retrain would now (<see cref="FoldInHistory"/>).
/// </summary>
/// <param name="Ratings">retrain.ratings as recorded ("values", "ignore", ...); null when not recorded.</param>
/// <param name="Threshold">The threshold of positive / signed as recorded; null when not recorded.</param>
/// <param name="Confidence">The confidence transform as recorded; null when not recorded or not one fold-in can apply to a single row.</param>
internal sealed record ServedTraining(string? Ratings, float? Threshold, ConfidenceTransform? Confidence)
{
    /// <summary>Nothing recorded.</summary>
    public static ServedTraining Unknown { get; } = new(null, null, null);

    /// <summary>The record of <paramref name="serving"/>'s version in <paramref name="registry"/> (its note), else <see cref="Unknown"/>.</summary>
    public static ServedTraining Of(ModelRegistry registry, ServingModel serving)
    {
        var note = registry.List(serving.Name).FirstOrDefault(v => v.Version == serving.Version)?.Note;
        return note is null ? Unknown : FromNote(note);
    }

    /// <summary>The parts of a retrain's note (see the type); a note without them (an admin's text) gives <see cref="Unknown"/>'s nulls.</summary>
    public static ServedTraining FromNote(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        string? ratings = null;
        float? threshold = null;
        var at = note.LastIndexOf("; ratings ", StringComparison.Ordinal);
        if (at >= 0)
        {
            var text = note[(at + "; ratings ".Length)..];
            var name = new string([.. text.TakeWhile(char.IsLetter)]);
            if (Data.Ratings.RatingSignalNames.IsValid(name)) ratings = name;
            const string Marker = ", threshold ";
            var t = text.IndexOf(Marker, StringComparison.Ordinal);
            var end = text.IndexOf(';', StringComparison.Ordinal);
            if (t >= 0 && (end < 0 || t < end))
            {
                var number = new string([.. text[(t + Marker.Length)..].TakeWhile(c => char.IsDigit(c) || c == '.')]);
                if (float.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0) threshold = value;
            }
        }
        ConfidenceTransform? confidence = null;
        var c = note.LastIndexOf("; confidence ", StringComparison.Ordinal);
        if (c >= 0)
        {
            // The label is the transform's name, "(auto)" when auto chose it; auto only ever chooses none or log1p.
            var label = note[(c + "; confidence ".Length)..];
            if (label.StartsWith("none", StringComparison.Ordinal)) confidence = ConfidenceTransform.None;
            else if (label.StartsWith("log1p", StringComparison.Ordinal)) confidence = ConfidenceTransform.LogPlusOne;
        }
        return new(ratings, threshold, confidence);
    }
}
