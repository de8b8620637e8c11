namespace Encore.Data.Model;

/// <summary>
/// The one spelling of each <see cref="EventKind"/> that users read and write: the event API's <c>kind</c> field,
/// <c>encore stats</c>, the dashboard. Lower case, words joined by '-' ("playlist-add"); the table importer reads these
/// spellings back (it ignores '-', '_', ' ' and case).
/// </summary>
public static class EventKindText
{
    /// <summary>The name of <paramref name="kind"/>: play, like, dislike, skip, rating, playlist-add, advertisement, buy-premium or other.</summary>
    public static string Name(EventKind kind) => kind switch
    {
        EventKind.Play => "play",
        EventKind.Like => "like",
        EventKind.Dislike => "dislike",
        EventKind.Skip => "skip",
        EventKind.Rating => "rating",
        EventKind.PlaylistAdd => "playlist-add",
        EventKind.Advertisement => "advertisement",
        EventKind.BuyPremium => "buy-premium",
        _ => "other",
    };
}
