using Encore.Core.Errors;

namespace Encore.Models.Hierarchy;

/// <summary>
/// The track hierarchy the S4 features climb: each track's album and artist (dense indices, -1 = missing)
/// and its genre list (CSR: <see cref="GenreOffsets"/> of length tracks + 1 into <see cref="GenreIds"/>).
/// A catalogue without any album link (an IUM snapshot) reports the album level as absent.
/// </summary>
public sealed class HierarchyCatalogue
{
    private readonly int[] _albumTrackOffsets;
    private readonly int[] _albumTracks;

    /// <exception cref="ArgumentException">Arrays of different lengths or links outside their level's count.</exception>
    public HierarchyCatalogue(int[] trackAlbums, int[] trackArtists, int[] genreOffsets, int[] genreIds,
        int albumCount, int artistCount, int genreCount)
    {
        ArgumentNullException.ThrowIfNull(trackAlbums);
        ArgumentNullException.ThrowIfNull(trackArtists);
        ArgumentNullException.ThrowIfNull(genreOffsets);
        ArgumentNullException.ThrowIfNull(genreIds);
        Guard.SameLength(trackAlbums.Length, trackArtists.Length, "track albums and track artists");
        Guard.SameLength(trackAlbums.Length + 1, genreOffsets.Length, "tracks + 1 and genre offsets");
        Check(trackAlbums, albumCount, "album");
        Check(trackArtists, artistCount, "artist");
        Check(genreIds, genreCount, "genre");
        TrackAlbums = trackAlbums;
        TrackArtists = trackArtists;
        GenreOffsets = genreOffsets;
        GenreIds = genreIds;
        AlbumCount = albumCount;
        ArtistCount = artistCount;
        GenreCount = genreCount;
        (_albumTrackOffsets, _albumTracks) = Invert(trackAlbums, albumCount);
        HasAlbums = Array.Exists(trackAlbums, a => a >= 0);
    }

    public int[] TrackAlbums { get; }
    public int[] TrackArtists { get; }
    public int[] GenreOffsets { get; }
    public int[] GenreIds { get; }
    public int TrackCount => TrackAlbums.Length;
    public int AlbumCount { get; }
    public int ArtistCount { get; }
    public int GenreCount { get; }

    /// <summary>False when no track has an album (the album level is then reported missing, never imputed).</summary>
    public bool HasAlbums { get; }

    /// <summary>Number of entities at <paramref name="level"/>.</summary>
    public int Count(HierarchyLevel level) => level switch
    {
        HierarchyLevel.Track => TrackCount,
        HierarchyLevel.Album => AlbumCount,
        HierarchyLevel.Artist => ArtistCount,
        _ => GenreCount,
    };

    public ReadOnlySpan<int> Genres(int track) => GenreIds.AsSpan(GenreOffsets[track], GenreOffsets[track + 1] - GenreOffsets[track]);

    /// <summary>Tracks on <paramref name="album"/>, ascending.</summary>
    public ReadOnlySpan<int> AlbumTracks(int album) =>
        _albumTracks.AsSpan(_albumTrackOffsets[album], _albumTrackOffsets[album + 1] - _albumTrackOffsets[album]);

    private static void Check(int[] links, int count, string what)
    {
        foreach (var l in links)
            if (l < -1 || l >= count) throw new ArgumentException($"A track links to {what} {l}, outside 0..{count - 1} (-1 = missing).");
    }

    private static (int[] Offsets, int[] Tracks) Invert(int[] trackAlbums, int albumCount)
    {
        var offsets = new int[albumCount + 1];
        foreach (var a in trackAlbums) if (a >= 0) offsets[a + 1]++;
        for (var a = 0; a < albumCount; a++) offsets[a + 1] += offsets[a];
        var cursor = offsets[..^1].ToArray();
        var tracks = new int[offsets[^1]];
        for (var t = 0; t < trackAlbums.Length; t++) if (trackAlbums[t] >= 0) tracks[cursor[trackAlbums[t]]++] = t;
        return (offsets, tracks);
    }
}
