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

    /// <summary>Writes the links and level sizes (model files).</summary>
    internal void Write(Files.ModelWriter writer)
    {
        writer.WriteArray<int>(TrackAlbums);
        writer.WriteArray<int>(TrackArtists);
        writer.WriteArray<int>(GenreOffsets);
        writer.WriteArray<int>(GenreIds);
        writer.WriteInt(AlbumCount);
        writer.WriteInt(ArtistCount);
        writer.WriteInt(GenreCount);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="ModelFormatException">Links out of range, offsets that do not ascend, or sizes that disagree.</exception>
    internal static HierarchyCatalogue Read(Files.ModelReader reader)
    {
        var albums = reader.ReadArray<int>();
        var artists = reader.ReadArray<int>();
        var offsets = reader.ReadArray<int>();
        var genres = reader.ReadArray<int>();
        int albumCount = reader.ReadInt(), artistCount = reader.ReadInt(), genreCount = reader.ReadInt();
        if (albumCount < 0 || artistCount < 0 || genreCount < 0 || offsets.Length != albums.Length + 1 || offsets[0] != 0 || offsets[^1] != genres.Length)
            throw new ModelFormatException("hierarchy model: the catalogue's sizes do not agree.");
        for (var i = 1; i < offsets.Length; i++)
            if (offsets[i] < offsets[i - 1]) throw new ModelFormatException("hierarchy model: the catalogue's genre offsets do not ascend.");
        try
        {
            return new HierarchyCatalogue(albums, artists, offsets, genres, albumCount, artistCount, genreCount);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"hierarchy model: invalid catalogue ({Guard.PlainMessage(ex)}).");
        }
    }

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
