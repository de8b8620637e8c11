namespace Encore.Data.Text;

/// <summary>
/// The rule every importer applies to ids (users, tracks, artists, albums, playlists): at most
/// <see cref="MaxLength"/> characters and no control character (<see cref="char.IsControl(char)"/>: C0 with tab
/// and line breaks, DEL, C1). It is the rule of the event API (Encore.Online's EventValidator), so an imported id
/// can always be typed on a command line, addressed in a URL and sent back as feedback (issue 12 item 8).
/// </summary>
internal static class IdText
{
    /// <summary>Longest id the HTTP API accepts (EventValidator.MaxIdLength).</summary>
    public const int MaxLength = 256;

    /// <summary>The fault text shown after the field name for an id holding a control character.</summary>
    public const string ControlProblem = "contains a control character (NUL, tab, line break or the like); an id must be addressable in a URL";

    /// <summary>Whether <paramref name="id"/> breaks the rule (too long, or holds a control character).</summary>
    public static bool IsRefused(ReadOnlySpan<char> id)
    {
        if (id.Length > MaxLength) return true;
        foreach (var c in id)
            if (char.IsControl(c)) return true;
        return false;
    }

    /// <summary>What is wrong with a refused <paramref name="id"/>, to follow the field name in a fault.</summary>
    public static string Problem(ReadOnlySpan<char> id) => id.Length > MaxLength
        ? $"is {id.Length} characters long; an id may have at most {MaxLength}, as the event API accepts"
        : ControlProblem;
}
