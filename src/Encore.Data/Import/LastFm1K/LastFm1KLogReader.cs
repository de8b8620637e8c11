using System.Text.Unicode;
using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.LastFm1K;

/// <summary>
/// Reads the listening log. Tracks are keyed by track MBID, or by "artist name␟track name" (U+241F, the
/// printable symbol for the unit separator) when the MBID is empty; artists by MBID, or by name when it is empty. Names are stored on first sight. Exact duplicate
/// rows (same user, track and second) are removed.
/// </summary>
internal sealed class LastFm1KLogReader(MusicDatasetBuilder b, ImportOptions options, ImportReport report,
    IProgress<ImportProgress>? progress, CancellationToken ct)
{
    private readonly DuplicateFilter<(int, int, long)> _seen = new();
    private char[] _key = new char[512];

    public void Read(string path)
    {
        using var reader = new DelimitedReader(path, (byte)'\t', options, quoting: false, progress, ct);
        while (reader.TryRead(out var row))
        {
            if (row.CheckFieldCount(["user", "timestamp", "artist MBID", "artist name", "track MBID", "track name"]) is { } bad) { report.Fault(FaultRules.FieldCount, bad); continue; }
            if (row[0].IsEmpty) { report.Fault(FaultRules.EmptyId, row.Error(0, "user", "expected a user id")); continue; }
            if (!Utf8Timestamps.TryIso8601(row[1], out var time)) { report.Fault(FaultRules.BadTime, row.Error(1, "timestamp", "expected an ISO-8601 UTC time like 2009-05-04T23:08:57Z")); continue; }
            if (row[3].IsEmpty && row[2].IsEmpty) { report.Fault(FaultRules.EmptyId, row.Error(3, "artist name", "expected an artist MBID or name")); continue; }
            if (row[5].IsEmpty && row[4].IsEmpty) { report.Fault(FaultRules.EmptyId, row.Error(5, "track name", "expected a track MBID or name")); continue; }
            // Every field is checked before any id is registered: a skipped row leaves no user, artist or track behind.
            if (!CheckTexts(row, out var keyLength)) continue;
            row.TryId(0, b.Users, out var user);
            var artist = Artist(row);
            var track = Track(row, artist, keyLength);
            if (!_seen.IsNew((user, track, time))) { report.Remove(FaultRules.Duplicate); continue; }
            b.Events.Add(user, track, EventKind.Play, time);
        }
        report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    /// <summary>
    /// The user id, the artist key (MBID, else name) and the track key (MBID, else the name key, built in the key
    /// buffer: its length, else -1) obey the id rule, and the names are UTF-8; else a fault. Allocates nothing.
    /// </summary>
    private bool CheckTexts(in DelimitedRow row, out int keyLength)
    {
        keyLength = -1;
        if (!row.IsId(0)) return Fault(row, 0, "user");
        if (row[2].IsEmpty ? !row.IsId(3) : !row.IsId(2)) return row[2].IsEmpty ? Fault(row, 3, "artist name") : Fault(row, 2, "artist MBID");
        if (!Utf8.IsValid(row[3])) return Fault(row, 3, "artist name");
        if (row[4].IsEmpty) return TryNameKey(row, out keyLength);
        if (!row.IsId(4)) return Fault(row, 4, "track MBID");
        return Utf8.IsValid(row[5]) || Fault(row, 5, "track name");
    }

    private bool Fault(in DelimitedRow row, int index, string column)
    {
        report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(index, column));
        return false;
    }

    private int Artist(in DelimitedRow row)
    {
        row.TryId(row[2].IsEmpty ? 3 : 2, b.Artists, out var artist);
        if (!b.ArtistInfo.Has(artist))
        {
            var name = Utf8Text.TryString(row[3])!;
            b.ArtistInfo.Set(artist, name.Length == 0 ? null : name);
        }
        return artist;
    }

    private int Track(in DelimitedRow row, int artist, int keyLength)
    {
        int track;
        if (keyLength < 0) row.TryId(4, b.Tracks, out track);
        else track = b.Tracks.GetOrAdd(_key.AsSpan(0, keyLength));
        if (b.TrackInfo.Has(track)) return track;
        var title = Utf8Text.TryString(row[5])!;
        b.TrackInfo.Set(track, new TrackInfo { Title = title.Length == 0 ? null : title, Artist = artist });
        return track;
    }

    /// <summary>Joins the artist and track names of a track without MBID. Not a tab, which cannot occur inside a
    /// field: an id with a tab could never be sent to the API (IdText). U+241F is printable and absent from names.</summary>
    public const char NameKeySeparator = '\u241F';

    /// <summary>Builds "artist name␟track name", the key of a track without MBID, in the key buffer (its first
    /// <paramref name="length"/> characters); a fault when a name is not UTF-8 or the key breaks the id rule (IdText).</summary>
    private bool TryNameKey(in DelimitedRow row, out int length)
    {
        length = 0;
        var artistName = row[3];
        var trackName = row[5];
        var need = artistName.Length + trackName.Length + 1;
        if (_key.Length < need) _key = new char[need * 2];
        if (!Utf8Text.TryDecode(artistName, _key, out var a)) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(3, "artist name")); return false; }
        _key[a] = NameKeySeparator;
        if (!Utf8Text.TryDecode(trackName, _key.AsSpan(a + 1), out var t)) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(5, "track name")); return false; }
        var key = _key.AsSpan(0, a + 1 + t);
        if (IdText.IsRefused(key))
        {
            report.Fault(FaultRules.BadUtf8, row.Error(5, "track name", $"the track has no MBID, so its key is 'artist name{NameKeySeparator}track name', which {IdText.Problem(key)}"));
            return false;
        }
        length = key.Length;
        return true;
    }
}
