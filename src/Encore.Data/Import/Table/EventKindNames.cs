using Encore.Data.Model;

namespace Encore.Data.Import.Table;

/// <summary>Event kind spellings (case-insensitive; '-', '_' and ' ' ignored) -> <see cref="EventKind"/>; anything else is Other.</summary>
internal static class EventKindNames
{
    public static EventKind Parse(ReadOnlySpan<char> text)
    {
        Span<char> key = stackalloc char[24];
        var n = 0;
        foreach (var c in text.Trim())
        {
            if (c is '-' or '_' or ' ') continue;
            if (n == key.Length) return EventKind.Other;
            key[n++] = char.ToLowerInvariant(c);
        }
        return key[..n] switch
        {
            "play" or "listen" or "scrobble" => EventKind.Play,
            "like" or "love" or "superlike" => EventKind.Like,
            "dislike" or "ban" => EventKind.Dislike,
            "skip" => EventKind.Skip,
            "rating" or "rate" => EventKind.Rating,
            "playlistadd" or "add" => EventKind.PlaylistAdd,
            "advertisement" or "advertisment" or "ad" => EventKind.Advertisement,
            "buypremium" => EventKind.BuyPremium,
            _ => EventKind.Other,
        };
    }
}
