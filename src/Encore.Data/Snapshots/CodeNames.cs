using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>
/// Readable names written beside the numeric codes of event kinds and entity levels, so SQL users need no
/// lookup table. The codes are authoritative on read; the names are for people.
/// </summary>
internal static class CodeNames
{
    private static readonly string[] KindNames = BuildKindNames();
    private static readonly string[] LevelNames = ["track", "album", "artist", "genre"];

    public static string Kind(EventKind kind) => KindNames[(byte)kind];

    public static string Level(EntityLevel level) => (byte)level < LevelNames.Length ? LevelNames[(byte)level] : "unknown";

    private static string[] BuildKindNames()
    {
        var names = new string[256];
        Array.Fill(names, "other");
        names[(byte)EventKind.Play] = "play";
        names[(byte)EventKind.Like] = "like";
        names[(byte)EventKind.Dislike] = "dislike";
        names[(byte)EventKind.Skip] = "skip";
        names[(byte)EventKind.Rating] = "rating";
        names[(byte)EventKind.PlaylistAdd] = "playlist_add";
        names[(byte)EventKind.Advertisement] = "advertisement";
        names[(byte)EventKind.BuyPremium] = "buy_premium";
        return names;
    }

    /// <summary>The name column for rows [start, start+count) of a code column (shared strings, no per-row allocation).</summary>
    public static string?[] KindColumn(EventKind[] kinds, int start, int count)
    {
        var result = new string?[count];
        for (var i = 0; i < count; i++) result[i] = KindNames[(byte)kinds[start + i]];
        return result;
    }

    public static string?[] LevelColumn(EntityLevel[] levels, int start, int count)
    {
        var result = new string?[count];
        for (var i = 0; i < count; i++) result[i] = Level(levels[start + i]);
        return result;
    }
}
