using System.Text;
using Encore.Data.Model;

namespace Encore.Data.Import.Ium;

/// <summary>IUM event_type spellings (both editions, any case, the 2024 misspelling) to <see cref="EventKind"/>.</summary>
internal static class IumEventKinds
{
    public static EventKind Parse(ReadOnlySpan<byte> s)
    {
        if (Ascii.EqualsIgnoreCase(s, "play"u8)) return EventKind.Play;
        if (Ascii.EqualsIgnoreCase(s, "skip"u8)) return EventKind.Skip;
        if (Ascii.EqualsIgnoreCase(s, "like"u8)) return EventKind.Like;
        if (Ascii.EqualsIgnoreCase(s, "dislike"u8)) return EventKind.Dislike;
        if (Ascii.EqualsIgnoreCase(s, "advertisement"u8) || Ascii.EqualsIgnoreCase(s, "advertisment"u8)) return EventKind.Advertisement;
        if (Ascii.EqualsIgnoreCase(s, "buy_premium"u8)) return EventKind.BuyPremium;
        return EventKind.Other;
    }

    /// <summary>Whether events of this kind point at a track (ads and premium purchases do not).</summary>
    public static bool HasTrack(EventKind kind) => kind is not (EventKind.Advertisement or EventKind.BuyPremium);

    /// <summary>The name used in report keys.</summary>
    public static string Name(EventKind kind) => kind switch
    {
        EventKind.Play => "play",
        EventKind.Skip => "skip",
        EventKind.Like => "like",
        EventKind.Dislike => "dislike",
        EventKind.Advertisement => "advertisement",
        EventKind.BuyPremium => "buy_premium",
        _ => "other",
    };
}
