namespace Encore.Data.Ratings;

/// <summary>
/// The names of <see cref="RatingSignal"/> as every setting spells them (<c>data.ratings</c>, <c>encore train --ratings</c>,
/// the service's <c>retrain.ratings</c>; docs/ratings.md): auto, ignore (also events, off), values (also all), positive, signed.
/// One parser, so a name one command takes is never refused by another.
/// </summary>
public static class RatingSignalNames
{
    /// <summary>The signal named <paramref name="value"/> (case and surrounding spaces ignored).</summary>
    /// <param name="value">The name as given.</param>
    /// <param name="setting">The setting named in the error, e.g. "data.ratings" or "retrain.ratings".</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> names no signal (the message lists the names).</exception>
    public static RatingSignal Parse(string? value, string setting) => value?.Trim().ToLowerInvariant() switch
    {
        "auto" => RatingSignal.Auto,
        "ignore" or "events" or "off" => RatingSignal.Ignore,
        "values" or "all" => RatingSignal.Values,
        "positive" => RatingSignal.Positive,
        "signed" => RatingSignal.Signed,
        _ => throw new ArgumentException($"{setting} expects auto, ignore, values, positive or signed, got '{value}'."),
    };

    /// <summary>True when <paramref name="value"/> names a signal (what <see cref="Parse"/> accepts).</summary>
    public static bool IsValid(string? value)
    {
        try
        {
            _ = Parse(value, "");
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The setting's spelling of <paramref name="signal"/>: auto, ignore, values, positive or signed.</summary>
    public static string Name(RatingSignal signal) => signal.ToString().ToLowerInvariant();
}
