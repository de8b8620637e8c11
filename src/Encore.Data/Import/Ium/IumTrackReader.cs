using System.Text.Json;
using Encore.Core.Errors;
using Encore.Data.Import.JsonCommon;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Ium;

/// <summary>
/// Reads tracks.jsonl into the track catalogue. A row without a usable id is a fault and is skipped; a row
/// with one unreadable attribute is a fault too but keeps the track (that attribute missing), so its events
/// still join. The first row of a repeated id wins.
/// </summary>
internal sealed class IumTrackReader
{
    private readonly MusicDatasetBuilder _data;
    private readonly ImportReport _report;
    private string _file = "";
    private string? _artist; // the current row's id_artist, registered only when the row's track is (a rejected row registers no id)

    public IumTrackReader(MusicDatasetBuilder data, ImportReport report)
    {
        _data = data;
        _report = report;
    }

    public void Read(string path, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        _file = path;
        var rows = JsonLinesFile.ForEachLine(path, "tracks", options, _report, progress, ct, ParseLine);
        _report.Count("tracks: rows", rows);
    }

    private void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a JSON object '{...}'");
        string? id = null, title = null, badField = null, badProblem = null;
        _artist = null;
        var info = new TrackInfo { Audio = new float[AudioFeatures.Count] };
        info.Audio.AsSpan().Fill(float.NaN);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (field == "id") badField ??= "id";
                continue;
            }
            if (!ReadField(ref reader, field, ref info, ref id, ref title))
            {
                badProblem ??= $"unexpected {JsonScalar.Describe(in reader)}; expected {Expected(field)}.";
                badField ??= field;
            }
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) reader.Skip();
        }
        if (reader.Read()) throw new JsonException("unexpected content after the JSON object");
        if (string.IsNullOrEmpty(id))
        {
            _report.Fault(IumRules.BadTrackId, new DataFormatException(_file, lineNumber, "id", "is missing, null or empty; expected a Spotify track id string."));
            return;
        }
        if (IdText.IsRefused(id))
        {
            _report.Fault(IumRules.BadTrackId, new DataFormatException(_file, lineNumber, "id", IdText.Problem(id) + "."));
            return;
        }
        var before = _data.Tracks.Count;
        var index = _data.Tracks.GetOrAdd(id);
        if (index < before)
        {
            _report.Remove(IumRules.DuplicateTrack);
            return;
        }
        if (_artist is not null) info = info with { Artist = _data.Artists.GetOrAdd(_artist) };
        _data.TrackInfo.Set(index, info with { Title = title });
        if (badField is not null) _report.Fault(IumRules.BadValue("tracks"), new DataFormatException(_file, lineNumber, badField, badProblem ?? "unexpected null."));
    }

    private bool ReadField(ref Utf8JsonReader reader, string field, ref TrackInfo info, ref string? id, ref string? title)
    {
        switch (field)
        {
            case "id":
                if (reader.TokenType != JsonTokenType.String) return false;
                id = reader.GetString();
                return true;
            case "name":
                if (reader.TokenType != JsonTokenType.String) return false;
                title = reader.GetString();
                return true;
            case "id_artist":
                if (reader.TokenType != JsonTokenType.String) return false;
                var artist = reader.GetString()!;
                if (IdText.IsRefused(artist)) return false;
                if (artist.Length > 0) _artist = artist;
                return true;
            case "release_date":
                if (reader.TokenType != JsonTokenType.String || !ReleaseDate.TryParse(reader.ValueSpan, out var date)) return false;
                info = info with { ReleaseDate = date };
                return true;
            case "duration_ms":
                if (!JsonScalar.TryGetInt32(in reader, out var duration)) return false;
                info = info with { DurationMs = duration };
                return true;
            case "popularity":
                if (!JsonScalar.TryGetFloat(in reader, out var popularity)) return false;
                info = info with { Popularity = popularity };
                return true;
            case "explicit":
                return ReadExplicit(ref reader, ref info);
            default:
                var slot = AudioSlot(field);
                if (slot < 0) return true; // unknown keys are ignored
                if (!JsonScalar.TryGetFloat(in reader, out var value)) return false;
                info.Audio![slot] = value;
                return true;
        }
    }

    private static bool ReadExplicit(ref Utf8JsonReader reader, ref TrackInfo info)
    {
        sbyte flag;
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) flag = reader.TokenType == JsonTokenType.True ? (sbyte)1 : (sbyte)0;
        else if (JsonScalar.TryGetInteger(in reader, out var v) && v is 0 or 1) flag = (sbyte)v;
        else return false;
        info = info with { Explicit = flag };
        return true;
    }

    private static int AudioSlot(string field)
    {
        for (var i = 0; i < AudioFeatures.Count; i++)
            if (AudioFeatures.Names[i] == field) return i;
        return -1;
    }

    private static string Expected(string field) => field switch
    {
        "id" or "name" => "a string",
        "id_artist" => "an artist id string without control characters",
        "release_date" => "a date string YYYY, YYYY-MM or YYYY-MM-DD",
        "explicit" => "0 or 1",
        "duration_ms" => "an integer",
        _ => "a number",
    };
}
