namespace Encore.Core.Ids;

/// <summary>
/// Track ids as users type them: a Spotify track is named either by its bare id (<c>4uLU6hMCjMI75M1A2tKUQC</c>, as
/// the IUM logs store it) or by its URI (<c>spotify:track:4uLU6hMCjMI75M1A2tKUQC</c>, as the Million Playlist
/// Dataset stores it). Looking a track up tries the id as given first, then its other form, so both are accepted
/// wherever a track id is, whichever form the catalogue holds (SPEC S5).
/// </summary>
public static class TrackIdForms
{
    /// <summary>The URI prefix of a Spotify track.</summary>
    public const string SpotifyTrackPrefix = "spotify:track:";

    /// <summary>The dense index of <paramref name="id"/> in <paramref name="tracks"/>, as given or in its other Spotify form.</summary>
    /// <returns>False when neither form is mapped (or <paramref name="id"/> is null).</returns>
    public static bool TryGetTrackIndex(this IdMap tracks, string? id, out int index)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        index = -1;
        if (id is null) return false;
        if (tracks.TryGetIndex(id, out index)) return true;
        var other = OtherForm(id);
        return other is not null && tracks.TryGetIndex(other, out index);
    }

    /// <summary>
    /// Dense indices of the ids in <paramref name="ids"/> that <paramref name="tracks"/> knows (as given or in the other
    /// Spotify form, <see cref="TryGetTrackIndex"/>), in the order given; an id it does not know is skipped and, when
    /// <paramref name="unknown"/> is given, added to it (a null is skipped and not added). The one filter every "which of these tracks does the
    /// model know" question goes through (serving's feedback masks, request lists, the CLI's candidate lists).
    /// </summary>
    /// <returns>Indices in [0, tracks.Count); as long as <paramref name="ids"/> at most; repeats are kept.</returns>
    public static int[] KnownTrackIndices(this IdMap tracks, IEnumerable<string?> ids, ICollection<string>? unknown = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(ids);
        var known = new List<int>(ids is IReadOnlyCollection<string?> c ? c.Count : 0);
        foreach (var id in ids)
            if (tracks.TryGetTrackIndex(id, out var index)) known.Add(index);
            else if (id is not null) unknown?.Add(id);
        return [.. known];
    }

    /// <summary><c>spotify:track:X</c> for a bare X, X for <c>spotify:track:X</c>; null when there is no other form.</summary>
    public static string? OtherForm(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.StartsWith(SpotifyTrackPrefix, StringComparison.Ordinal))
            return id.Length > SpotifyTrackPrefix.Length ? id[SpotifyTrackPrefix.Length..] : null;
        return id.Length > 0 && !id.Contains(':', StringComparison.Ordinal) ? SpotifyTrackPrefix + id : null;
    }
}
