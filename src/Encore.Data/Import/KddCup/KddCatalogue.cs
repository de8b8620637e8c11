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
            if (IsOwnKind(id, level, row)) Register(row[0], id, level);
        }
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    // Every reader below checks all of a row's fields before it registers any id (its own or a link's): a rejected
    // row leaves no album, artist, genre, track or user behind.

    /// <summary>Reads albumData2.txt: AlbumId|ArtistId|GenreId_1|...</summary>
    public void ReadAlbums(string path)
    {
        using var reader = ctx.Open(path);
        var genres = new List<int>();
        while (reader.TryRead(out var row))
        {
            if (row.CheckFieldCount(["AlbumId", "ArtistId"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); continue; }
            if (!Utf8Numbers.TryLong(row[0], out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "AlbumId", "expected an integer id")); continue; }
            if (!IsLink(row, 1, "ArtistId", EntityLevel.Artist) || !AreGenres(row, 2) || !IsOwnKind(id, EntityLevel.Album, row)) continue;
            var artist = Link(row, 1, EntityLevel.Artist);
            LinkGenres(row, 2, genres);
            var album = Register(row[0], id, EntityLevel.Album);
            ctx.Builder.AlbumInfo.Set(album, null, [.. genres], artist);
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
            if (!IsLink(row, first + 1, "AlbumId", EntityLevel.Album)
                || !IsLink(row, first + 2, "ArtistId", EntityLevel.Artist)
                || !AreGenres(row, first + 3)
                || !IsOwnKind(id, EntityLevel.Track, row)) continue;
            if (onUserTrack is not null && !Utf8Numbers.TryLong(row[0], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "UserId", "expected an integer user id")); continue; }
            var album = Link(row, first + 1, EntityLevel.Album);
            var artist = Link(row, first + 2, EntityLevel.Artist);
            LinkGenres(row, first + 3, genres);
            var track = Register(row[first], id, EntityLevel.Track);
            if (!ctx.Builder.TrackInfo.Has(track))
                ctx.Builder.TrackInfo.Set(track, new TrackInfo { Album = album, Artist = artist, Genres = [.. genres] });
            if (onUserTrack is not null)
            {
                row.TryId(0, ctx.Builder.Users, out var user);
                onUserTrack(user, track);
            }
        }
        ctx.Report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    /// <summary>False (a fault) when <paramref name="id"/> is already known as another kind than <paramref name="level"/>.</summary>
    private bool IsOwnKind(long id, EntityLevel level, in DelimitedRow row)
    {
        if (!_kinds.TryGetValue(id, out var existing) || existing.Level == level) return true;
        ctx.Report.Fault(FaultRules.Malformed, row.Error(0, "id", $"expected an id unique across the four catalogue files; {id} is already a {existing.Level}"));
        return false;
    }

    /// <summary>The dense index of <paramref name="id"/> as <paramref name="level"/>, registered if new (checked by <see cref="IsOwnKind"/> or <see cref="IsLink"/> first).</summary>
    private int Register(ReadOnlySpan<byte> text, long id, EntityLevel level)
    {
        if (_kinds.TryGetValue(id, out var existing)) return existing.Level == level ? existing.Index : Missing.Id;
        DelimitedRow.TryId(text, MapOf(level), out var index);
        _kinds[id] = (level, index);
        return index;
    }

    /// <summary>Whether a link field is empty, <c>None</c>, or an integer id not known as another kind (a fault otherwise); registers nothing.</summary>
    private bool IsLink(in DelimitedRow row, int field, string column, EntityLevel level)
    {
        var text = row[field];
        if (text.IsEmpty || text.SequenceEqual("None"u8)) return true;
        if (!Utf8Numbers.TryLong(text, out var id)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(field, column, "expected an integer id or None")); return false; }
        if (!_kinds.TryGetValue(id, out var known) || known.Level == level) return true;
        ctx.Report.Fault(FaultRules.Malformed, row.Error(field, column, $"expected a {level} id, but {id} is a {known.Level}"));
        return false;
    }

    /// <summary>The linked entity's index (<see cref="Missing.Id"/> for an empty link); a link to an entity its own file does not list is still an entity of that kind.</summary>
    private int Link(in DelimitedRow row, int field, EntityLevel level)
    {
        var text = row[field];
        return text.IsEmpty || text.SequenceEqual("None"u8) || !Utf8Numbers.TryLong(text, out var id) ? Missing.Id : Register(text, id, level);
    }

    private bool AreGenres(in DelimitedRow row, int from)
    {
        for (var i = from; i < row.Count; i++)
            if (!IsLink(row, i, "GenreId", EntityLevel.Genre)) return false;
        return true;
    }

    private void LinkGenres(in DelimitedRow row, int from, List<int> genres)
    {
        genres.Clear();
        for (var i = from; i < row.Count; i++)
            if (Link(row, i, EntityLevel.Genre) is var g && g != Missing.Id) genres.Add(g);
    }

    private IdMap MapOf(EntityLevel level) => level switch
    {
        EntityLevel.Track => ctx.Builder.Tracks,
        EntityLevel.Album => ctx.Builder.Albums,
        EntityLevel.Artist => ctx.Builder.Artists,
        _ => ctx.Builder.Genres,
    };
}
