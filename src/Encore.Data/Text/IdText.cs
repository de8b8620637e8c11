namespace Encore.Data.Text;

/// <summary>
/// The rule every importer applies to ids (users, tracks, artists, albums, playlists): no C0 control
/// character (U+0000..U+001F, tab and line breaks included) and no DEL (U+007F). An id holding one could
/// never be typed on a command line or addressed through the HTTP API (issue 12 item 8).
/// </summary>
internal static class IdText
{
    /// <summary>The fault text shown after the field name.</summary>
    public const string ControlProblem = "contains a control character (NUL, tab, line break or the like); an id must be addressable in a URL";

    /// <summary>Whether <paramref name="id"/> holds a C0 control character or DEL.</summary>
    public static bool HasControl(ReadOnlySpan<char> id)
    {
        foreach (var c in id)
            if (c < ' ' || c == '\u007f') return true;
        return false;
    }
}
