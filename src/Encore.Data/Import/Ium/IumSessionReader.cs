using System.Globalization;
using System.Text.Json;
using Encore.Core.Errors;
using Encore.Data.Import.JsonCommon;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Ium;

/// <summary>
/// Reads sessions.jsonl lines into events. Hot path: one Utf8JsonReader per line, ids looked up from stack
/// buffers, no string per event. Each row gets at most one verdict, the first of: malformed / invalid value,
/// null user_id, null event_type, non-track event (removed), null track_id, unknown user, unknown track,
/// kept. Exact duplicate events are removed in bulk when the dataset is built (IumImporter).
/// </summary>
internal sealed class IumSessionReader
{
    private const int IdChars = 64;
    private readonly MusicDatasetBuilder _data;
    private readonly ImportReport _report;
    private readonly long[] _kindCounts = new long[256];
    private readonly Dictionary<string, long> _otherKinds = new(StringComparer.Ordinal);
    private long _rows, _kept, _nullUsers, _nullTypes, _nullTracks;
    private string _file = "";

    public IumSessionReader(MusicDatasetBuilder data, ImportReport report)
    {
        _data = data;
        _report = report;
    }

    public void Read(string path, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        _file = path;
        _rows += JsonLinesFile.ForEachLine(path, "sessions", options, _report, progress, ct, ParseLine);
    }

    /// <summary>Writes the per-kind and null-field counters into the report.</summary>
    public void Finish()
    {
        _report.Count(IumRules.SessionRows, _rows);
        _report.Count(IumRules.EventsKept, _kept);
        for (var k = 0; k < _kindCounts.Length; k++)
            if (_kindCounts[k] > 0 && (EventKind)k != EventKind.Other) _report.Count(IumRules.EventTypeCount + IumEventKinds.Name((EventKind)k), _kindCounts[k]);
        foreach (var (spelling, n) in _otherKinds) _report.Count($"{IumRules.EventTypeCount}other '{spelling}'", n);
        _report.Count(IumRules.RowsWithNull + "user_id", _nullUsers);
        _report.Count(IumRules.RowsWithNull + "event_type", _nullTypes);
        _report.Count(IumRules.RowsWithNull + "track_id", _nullTracks);
    }

    private void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        Span<char> trackChars = stackalloc char[IdChars];
        Span<byte> scratch = stackalloc byte[IdChars];
        var row = new IumSessionRow();
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("expected a JSON object '{...}'");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("user_id"u8)) { reader.Read(); ReadUser(ref reader, ref row); }
            else if (reader.ValueTextEquals("track_id"u8)) { reader.Read(); ReadTrack(ref reader, ref row, trackChars); }
            else if (reader.ValueTextEquals("event_type"u8)) { reader.Read(); ReadKind(ref reader, ref row, scratch); }
            else if (reader.ValueTextEquals("timestamp"u8)) { reader.Read(); ReadTime(ref reader, ref row, scratch); }
            else if (reader.ValueTextEquals("session_id"u8)) { reader.Read(); ReadSession(ref reader, ref row); }
            else { reader.Read(); reader.Skip(); }
        }
        if (reader.Read()) throw new JsonException("unexpected content after the JSON object");
        Judge(ref row, trackChars[..row.TrackLength], lineNumber);
    }

    private void Judge(ref IumSessionRow row, ReadOnlySpan<char> track, long lineNumber)
    {
        if (row.UserNull) _nullUsers++;
        if (row.KindNull) _nullTypes++;
        if (row.TrackMissing) _nullTracks++;
        if (!row.KindNull) CountKind(ref row);
        if (row.BadField is not null)
        {
            _report.Fault(IumRules.BadSessionValue, new DataFormatException(_file, lineNumber, row.BadField, row.BadProblem!));
            return;
        }
        if (row.UserNull)
        {
            _report.Fault(IumRules.NullUser, new DataFormatException(_file, lineNumber, "user_id", "is null or missing; expected the integer id of a user in users.jsonl."));
            return;
        }
        if (row.KindNull)
        {
            _report.Fault(IumRules.NullEventType, new DataFormatException(_file, lineNumber, "event_type", "is null or missing; expected play, skip, like, dislike, advertisement or buy_premium."));
            return;
        }
        if (!IumEventKinds.HasTrack(row.Kind))
        {
            _report.Remove(IumRules.NonTrackEvent + IumEventKinds.Name(row.Kind));
            return;
        }
        if (row.TrackMissing)
        {
            _report.Fault(IumRules.NullTrack, new DataFormatException(_file, lineNumber, "track_id", $"is null or empty on a '{IumEventKinds.Name(row.Kind)}' event; expected a track id from tracks.jsonl."));
            return;
        }
        Span<char> userChars = stackalloc char[24];
        row.UserId.TryFormat(userChars, out var userLength, default, CultureInfo.InvariantCulture);
        if (!_data.Users.TryGetIndex(userChars[..userLength], out var user))
        {
            _report.Fault(IumRules.UnknownUser, new DataFormatException(_file, lineNumber, "user_id", $"user {row.UserId} is not in users.jsonl."));
            return;
        }
        if (!_data.Tracks.TryGetIndex(track, out var item))
        {
            _report.Fault(IumRules.UnknownTrack, new DataFormatException(_file, lineNumber, "track_id", $"track '{track}' is not in tracks.jsonl."));
            return;
        }
        _data.Events.Add(user, item, row.Kind, row.Time, row.Session, Missing.Value);
        _kept++;
    }

    private void CountKind(ref IumSessionRow row)
    {
        _kindCounts[(int)row.Kind]++;
        if (row.Kind == EventKind.Other) _otherKinds[row.OtherSpelling!] = _otherKinds.GetValueOrDefault(row.OtherSpelling!) + 1;
    }

    private static void ReadUser(ref Utf8JsonReader reader, ref IumSessionRow row)
    {
        row.UserNull = reader.TokenType == JsonTokenType.Null;
        if (row.UserNull) return;
        if (JsonScalar.TryGetInteger(in reader, out var id)) row.UserId = id;
        else row.SetBad("user_id", $"expected an integer user id, got {JsonScalar.Describe(in reader)}.");
    }

    private static void ReadTrack(ref Utf8JsonReader reader, ref IumSessionRow row, scoped Span<char> chars)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (JsonScalar.TryGetChars(in reader, chars, out var id))
        {
            row.TrackLength = id.Length;
            row.TrackMissing = id.IsEmpty;
        }
        else row.SetBad("track_id", $"expected a track id string of at most {IdChars} characters, got {JsonScalar.Describe(in reader)}.");
    }

    private static void ReadKind(ref Utf8JsonReader reader, ref IumSessionRow row, scoped Span<byte> scratch)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (!JsonScalar.TryGetUtf8(in reader, scratch, out var text))
        {
            row.SetBad("event_type", $"expected an event type string, got {JsonScalar.Describe(in reader)}.");
            return;
        }
        row.KindNull = false;
        row.Kind = IumEventKinds.Parse(text);
        if (row.Kind == EventKind.Other) row.OtherSpelling = reader.GetString();
    }

    private static void ReadTime(ref Utf8JsonReader reader, ref IumSessionRow row, scoped Span<byte> scratch)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (reader.TokenType == JsonTokenType.Number && JsonScalar.TryGetInteger(in reader, out var ms) && Utf8Timestamps.IsRepresentable(ms)) row.Time = ms;
        else if (JsonScalar.TryGetUtf8(in reader, scratch, out var text) && Utf8Timestamps.TryIso8601(text, out ms)) row.Time = ms;
        else row.SetBad("timestamp", $"expected YYYY-MM-DDTHH:MM:SS[.ffffff] or integer epoch milliseconds {Utf8Timestamps.RangeText}, got {JsonScalar.Describe(in reader)}.");
    }

    private static void ReadSession(ref Utf8JsonReader reader, ref IumSessionRow row)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (JsonScalar.TryGetInteger(in reader, out var id)) row.Session = id;
        else row.SetBad("session_id", $"expected an integer session id, got {JsonScalar.Describe(in reader)}.");
    }
}
