using Encore.Core.Ids;
using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.KddCup;

/// <summary>
/// The KDD Cup 2011 track 2 catalogue: genres, artists, albums (artist + genres) and tracks (album, artist,
/// genres), all in ONE integer id space; remembers which kind each id is so ratings can be resolved.
/// <c>None</c> is a missing link.
/// </summary>
internal sealed class KddCatalogue(KddContext ctx)
{
    private static readonly string?[] TrackColumns = ["TrackId", "AlbumId", "ArtistId"];

    private readonly Dictionary<long, (EntityLevel Level, int Index)> _kinds = [];

    public int Count => _kinds.Count;

    public bool TryResolve(long id, out EntityLevel level, out int index)
    {
        var found = _kinds.TryGetValue(id, out var k);
        (level, index) = k;
        return found;
    }

    /// <summary>Reads a one-id-per-line file (genreData2.txt, artistData2.txt).</summary>
    public void ReadIds(string path, EntityLevel level)
    {
        using var reader = ctx.Open(path);
        while (reader.TryRead(out var row))
        {
            if (!Utf8Numbers.TryLong(row[0], out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "id", "expected one integer id per line")); continue; }
            Register(row[0], id, level, row);
        }
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    /// <summary>Reads albumData2.txt: AlbumId|ArtistId|GenreId_1|...</summary>
    public void ReadAlbums(string path)
    {
        using var reader = ctx.Open(path);
        var genres = new List<int>();
        while (reader.TryRead(out var row))
        {
            if (row.CheckFieldCount(["AlbumId", "ArtistId"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!Utf8Numbers.TryLong(row[0], out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "AlbumId", "expected an integer id")); continue; }
            if (!TryLink(row, 1, "ArtistId", EntityLevel.Artist, out var artist) || !TryGenres(row, 2, genres)) continue;
            var album = Register(row[0], id, EntityLevel.Album, row);
            if (album >= 0) ctx.Builder.AlbumInfo.Set(album, null, [.. genres], artist);
        }
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    /// <summary>Reads trackData2.txt: TrackId|AlbumId|ArtistId|GenreId_1|...; <paramref name="first"/> = 1 skips the UserId of testTrack_hierarchy.txt.</summary>
    public void ReadTracks(string path, int first = 0, Action<int, int>? onUserTrack = null)
    {
        using var reader = ctx.Open(path);
        var genres = new List<int>();
        while (reader.TryRead(out var row))
        {
            if (row.CheckFieldCount(first == 0 ? TrackColumns : ["UserId", .. TrackColumns]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!Utf8Numbers.TryLong(row[first], out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(first, "TrackId", "expected an integer id")); continue; }
            if (!TryLink(row, first + 1, "AlbumId", EntityLevel.Album, out var album)
                || !TryLink(row, first + 2, "ArtistId", EntityLevel.Artist, out var artist)
                || !TryGenres(row, first + 3, genres)) continue;
            var track = _kinds.TryGetValue(id, out var known) && known.Level == EntityLevel.Track ? known.Index : Register(row[first], id, EntityLevel.Track, row);
            if (track < 0) continue;
            if (!ctx.Builder.TrackInfo.Has(track))
                ctx.Builder.TrackInfo.Set(track, new TrackInfo { Album = album, Artist = artist, Genres = [.. genres] });
            if (onUserTrack is not null)
            {
                if (!Utf8Numbers.TryLong(row[0], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "UserId", "expected an integer user id")); continue; }
                row.TryId(0, ctx.Builder.Users, out var user);
                onUserTrack(user, track);
            }
        }
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    private int Register(ReadOnlySpan<byte> text, long id, EntityLevel level, in DelimitedRow row)
    {
        if (_kinds.TryGetValue(id, out var existing))
        {
            if (existing.Level == level) return existing.Index;
            ctx.Report.Fault(FaultRules.Malformed, row.Error(0, "id", $"expected an id unique across the four catalogue files; {id} is already a {existing.Level}"));
            return -1;
        }
        DelimitedRow.TryId(text, MapOf(level), out var index);
        _kinds[id] = (level, index);
        return index;
    }

    private bool TryLink(in DelimitedRow row, int field, string column, EntityLevel level, out int index)
    {
        index = Missing.Id;
        var text = row[field];
        if (text.IsEmpty || text.SequenceEqual("None"u8)) return true;
        if (!Utf8Numbers.TryLong(text, out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(field, column, "expected an integer id or None")); return false; }
        if (_kinds.TryGetValue(id, out var known))
        {
            if (known.Level == level) { index = known.Index; return true; }
            ctx.Report.Fault(FaultRules.Malformed, row.Error(field, column, $"expected a {level} id, but {id} is a {known.Level}"));
            return false;
        }
        // A link to an entity its own file does not list: still an entity of that kind.
        DelimitedRow.TryId(text, MapOf(level), out index);
        _kinds[id] = (level, index);
        return true;
    }

    private bool TryGenres(in DelimitedRow row, int from, List<int> genres)
    {
        genres.Clear();
        for (var i = from; i < row.Count; i++)
        {
            if (!TryLink(row, i, "GenreId", EntityLevel.Genre, out var g)) return false;
            if (g != Missing.Id) genres.Add(g);
        }
        return true;
    }

    private IdMap MapOf(EntityLevel level) => level switch
    {
        EntityLevel.Track => ctx.Builder.Tracks,
        EntityLevel.Album => ctx.Builder.Albums,
        EntityLevel.Artist => ctx.Builder.Artists,
        _ => ctx.Builder.Genres,
    };
}
