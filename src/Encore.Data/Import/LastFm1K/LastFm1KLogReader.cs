using Encore.Core.Ids;
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
            if (!row.TryId(0, b.Users, out var user)) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(0, "user")); continue; }
            if (!TryArtist(row, out var artist) || !TryTrack(row, artist, out var track)) continue;
            if (!_seen.IsNew((user, track, time))) { report.Remove(FaultRules.Duplicate); continue; }
            b.Events.Add(user, track, EventKind.Play, time);
        }
        report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }

    private bool TryArtist(in DelimitedRow row, out int artist)
    {
        var keyField = row[2].IsEmpty ? 3 : 2;
        if (!row.TryId(keyField, b.Artists, out artist)) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(keyField, keyField == 2 ? "artist MBID" : "artist name")); return false; }
        if (b.ArtistInfo.Has(artist)) return true;
        if (row.TryString(3) is not { } name) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(3, "artist name")); return false; }
        b.ArtistInfo.Set(artist, name.Length == 0 ? null : name);
        return true;
    }

    private bool TryTrack(in DelimitedRow row, int artist, out int track)
    {
        if (!row[4].IsEmpty)
        {
            if (!row.TryId(4, b.Tracks, out track)) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(4, "track MBID")); return false; }
        }
        else if (!TryNameKey(row, b.Tracks, out track)) return false;
        if (b.TrackInfo.Has(track)) return true;
        if (row.TryString(5) is not { } title) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(5, "track name")); track = -1; return false; }
        b.TrackInfo.Set(track, new TrackInfo { Title = title.Length == 0 ? null : title, Artist = artist });
        return true;
    }

    /// <summary>Joins the artist and track names of a track without MBID. Not a tab, which cannot occur inside a
    /// field: an id with a tab could never be sent to the API (IdText). U+241F is printable and absent from names.</summary>
    public const char NameKeySeparator = '\u241F';

    /// <summary>"artist name␟track name" as the key of a track without MBID; the key obeys the id rule (IdText).</summary>
    private bool TryNameKey(in DelimitedRow row, IdMap map, out int track)
    {
        track = -1;
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
        track = map.GetOrAdd(key);
        return true;
    }
}
