using System.Text;
using Encore.Core.Ids;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Mpd;

/// <summary>
/// Turns the fields of one MPD track object into a dense track index, adding the track, its artist and album
/// to the catalogue the first time they are seen (names are decoded only then). URIs lose their
/// <c>spotify:&lt;kind&gt;:</c> prefix so ids join with other Spotify-based sources.
/// </summary>
internal sealed class MpdTrackRegistry
{
    private readonly MusicDatasetBuilder _data;
    private readonly char[] _chars = new char[256];

    public MpdTrackRegistry(MusicDatasetBuilder data) => _data = data;

    public MpdUtf8Field TrackUri { get; } = new();
    public MpdUtf8Field TrackName { get; } = new();
    public MpdUtf8Field ArtistUri { get; } = new();
    public MpdUtf8Field ArtistName { get; } = new();
    public MpdUtf8Field AlbumUri { get; } = new();
    public MpdUtf8Field AlbumName { get; } = new();
    public int DurationMs { get; set; } = -1;

    public void Clear()
    {
        TrackUri.Clear();
        TrackName.Clear();
        ArtistUri.Clear();
        ArtistName.Clear();
        AlbumUri.Clear();
        AlbumName.Clear();
        DurationMs = -1;
    }

    /// <summary>The track's dense index, or -1 when its URI is missing or malformed (<paramref name="problem"/> says why).</summary>
    public int Register(out string? problem)
    {
        if (!TryId(TrackUri, "spotify:track:"u8, out var id, out problem)) return -1;
        var before = _data.Tracks.Count;
        var track = _data.Tracks.GetOrAdd(id);
        if (track < before) return track;
        var artist = Link(ArtistUri, ArtistName, "spotify:artist:"u8, _data.Artists, _data.ArtistInfo, Missing.Id);
        var album = Link(AlbumUri, AlbumName, "spotify:album:"u8, _data.Albums, _data.AlbumInfo, artist);
        _data.TrackInfo.Set(track, new TrackInfo { Title = TrackName.Text(), Artist = artist, Album = album, DurationMs = DurationMs });
        return track;
    }

    /// <summary>Whether the artist / album URIs of the current track are readable (checked only for new tracks' links).</summary>
    public string? LinkProblem()
    {
        if (ArtistUri.Present && !TryId(ArtistUri, "spotify:artist:"u8, out _, out var p)) return "artist_uri " + p;
        if (AlbumUri.Present && !TryId(AlbumUri, "spotify:album:"u8, out _, out p)) return "album_uri " + p;
        return null;
    }

    private int Link(MpdUtf8Field uri, MpdUtf8Field name, ReadOnlySpan<byte> prefix, IdMap map, NamedEntityTableBuilder info, int parent)
    {
        if (!TryId(uri, prefix, out var id, out _)) return Missing.Id;
        var index = map.GetOrAdd(id);
        if (!info.Has(index)) info.Set(index, name.Text(), artist: parent);
        return index;
    }

    private bool TryId(MpdUtf8Field uri, ReadOnlySpan<byte> prefix, out ReadOnlySpan<char> id, out string? problem)
    {
        id = default;
        problem = null;
        if (!uri.Present || uri.Length == 0)
        {
            problem = "is missing or empty";
            return false;
        }
        var value = uri.Value;
        if (value.StartsWith(prefix)) value = value[prefix.Length..];
        else if (value.Contains((byte)':'))
        {
            problem = $"'{Encoding.UTF8.GetString(uri.Value)}' does not start with '{Encoding.UTF8.GetString(prefix)}'";
            return false;
        }
        if (value.IsEmpty || value.Length > _chars.Length)
        {
            problem = $"'{Encoding.UTF8.GetString(uri.Value)}' has no usable id";
            return false;
        }
        id = _chars.AsSpan(0, Encoding.UTF8.GetChars(value, _chars));
        if (IdText.IsRefused(id))
        {
            problem = IdText.Problem(id);
            id = default;
            return false;
        }
        return true;
    }
}
