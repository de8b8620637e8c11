using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Encore.Core.Errors;
using Encore.Data.Import.JsonCommon;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Mpd;

/// <summary>
/// Streams one MPD slice or challenge-set file: the root object's <c>playlists</c> array is read playlist by
/// playlist; every other root key (<c>info</c>, <c>version</c>, <c>date</c>) is skipped.
/// </summary>
internal sealed partial class MpdFileParser
{
    /// <summary>Prefix of the user id each playlist gets for its playlist-add events ("playlist:" + pid).</summary>
    public const string PlaylistUserPrefix = "playlist:";

    private readonly MusicDatasetBuilder _data;
    private readonly ImportReport _report;
    private readonly MpdTrackRegistry _tracks;
    private readonly MpdPlaylistFields _playlist = new();
    private JsonStreamReader _json = null!;

    public MpdFileParser(MusicDatasetBuilder data, ImportReport report)
    {
        _data = data;
        _report = report;
        _tracks = new MpdTrackRegistry(data);
    }

    public void Parse(string path, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var json = new JsonStreamReader(InputFile.Open(path), path);
        _json = json;
        var total = InputFile.Length(path);
        var reader = json.Start();
        if (!json.Read(ref reader) || reader.TokenType != JsonTokenType.StartObject)
            throw new DataFormatException(path, json.LineOf(in reader), "", "expected a JSON object with a 'playlists' array.");
        var sawPlaylists = false;
        long playlists = 0;
        while (json.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPlaylists = reader.ValueTextEquals("playlists"u8);
            json.Read(ref reader);
            if (!isPlaylists)
            {
                json.Skip(ref reader);
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new DataFormatException(path, json.LineOf(in reader), "playlists", $"expected an array of playlist objects, got {JsonScalar.Describe(in reader)}.");
            sawPlaylists = true;
            while (json.Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                if (++playlists % 256 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(path, json.BytesRead, total, playlists));
                }
                if (reader.TokenType == JsonTokenType.StartObject) ReadPlaylist(ref reader);
                else NotAnObject(ref reader, "playlists[]");
            }
        }
        if (!sawPlaylists) throw new DataFormatException(path, 0, "playlists", "missing; expected a root object with a 'playlists' array.");
        progress?.Report(new ImportProgress(path, json.BytesRead, total, playlists));
    }

    private void ReadPlaylist(ref Utf8JsonReader reader)
    {
        var p = _playlist;
        p.Clear();
        var line = _json.LineOf(in reader);
        while (_json.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("tracks"u8))
            {
                _json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.StartArray) ReadTracks(ref reader);
                else if (reader.TokenType != JsonTokenType.Null) Bad(ref reader, "tracks", "an array of track objects");
                continue;
            }
            if (!TryGetText(in reader, out var field))
                throw new DataFormatException(_json.File, _json.LineOf(in reader), "", "expected a UTF-8 property name, found a byte sequence that is not UTF-8; the file is damaged or in another encoding.");
            _json.Read(ref reader);
            ReadPlaylistScalar(ref reader, field!);
        }
        Finish(line);
    }

    private void ReadPlaylistScalar(ref Utf8JsonReader reader, string field)
    {
        var p = _playlist;
        if (reader.TokenType == JsonTokenType.Null) return;
        switch (field)
        {
            case "pid":
                if (JsonScalar.TryGetInteger(in reader, out var pid) && pid >= 0) p.Pid = pid;
                else Bad(ref reader, field, "a non-negative integer");
                break;
            case "name":
                if (reader.TokenType == JsonTokenType.String && TryGetText(in reader, out var name)) p.Name = name;
                else Bad(ref reader, field, "a valid UTF-8 string");
                break;
            case "collaborative":
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) p.Collaborative = reader.TokenType == JsonTokenType.True;
                else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("true"u8)) p.Collaborative = true;
                else if (!(reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("false"u8))) Bad(ref reader, field, "true or false (boolean or string)");
                break;
            case "modified_at":
                if (JsonScalar.TryGetInteger(in reader, out var seconds) && seconds is >= Utf8Timestamps.MinUnixMs / 1000 and <= Utf8Timestamps.MaxUnixMs / 1000)
                    p.ModifiedAtSeconds = seconds;
                else Bad(ref reader, field, $"integer Unix seconds {Utf8Timestamps.RangeText}");
                break;
            case "num_tracks": p.NumTracks = Count(ref reader, field); break;
            case "num_followers": p.NumFollowers = Count(ref reader, field); break;
            case "num_samples": p.NumSamples = Count(ref reader, field); break;
            case "num_holdouts": p.NumHoldouts = Count(ref reader, field); break;
            default: _json.Skip(ref reader); break;
        }
    }

    private static bool TryGetText(ref readonly Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null; // GetString refuses invalid UTF-8
            return false;
        }
    }

    private int? Count(ref Utf8JsonReader reader, string field)
    {
        if (JsonScalar.TryGetInt32(in reader, out var n) && n >= 0) return n;
        Bad(ref reader, field, "a non-negative integer");
        return null;
    }

    private void Bad(ref Utf8JsonReader reader, string field, string expected)
    {
        _playlist.SetBad(field, $"expected {expected}, got {JsonScalar.Describe(in reader)}.", _json.LineOf(in reader));
        _json.Skip(ref reader);
    }

    private void NotAnObject(ref Utf8JsonReader reader, string where)
    {
        _report.Fault(MpdRules.NotAnObject, new DataFormatException(_json.File, _json.LineOf(in reader), where, $"expected an object, got {JsonScalar.Describe(in reader)}."));
        _json.Skip(ref reader);
    }

    private void Finish(long line)
    {
        var p = _playlist;
        if (p.Pid is null)
        {
            var problem = p.BadField == "pid" ? p.BadProblem! : "is missing; expected the integer playlist id.";
            _report.Fault(MpdRules.BadPid, new DataFormatException(_json.File, p.BadField == "pid" ? p.BadLine : line, "pid", problem));
            return;
        }
        var before = _data.Playlists.Count;
        var index = _data.Playlists.GetOrAdd(p.Pid.Value.ToString(CultureInfo.InvariantCulture));
        if (index < before)
        {
            _report.Fault(MpdRules.DuplicatePid, new DataFormatException(_json.File, line, "pid", $"playlist {p.Pid} was already read; pids must be unique."));
            return;
        }
        if (p.BadField is not null) _report.Fault(MpdRules.BadValue, new DataFormatException(_json.File, p.BadLine, p.BadField, p.BadProblem!));
        CheckDeclaredCounts(line);
        var declared = p.NumTracks ?? (p.NumSamples + p.NumHoldouts) ?? -1;
        var modified = p.ModifiedAtSeconds is { } s ? s * 1000 : Missing.Time;
        _data.PlaylistInfo.Add(p.Name, CollectionsMarshal.AsSpan(p.Tracks), followers: p.NumFollowers ?? 0, modifiedAt: modified, declaredTrackCount: declared);
        // Playlists as users: one playlist-add event per entry by the user "playlist:<pid>" (session = pid), so every model trains on playlists.
        var user = _data.Users.GetOrAdd(PlaylistUserPrefix + p.Pid.Value.ToString(CultureInfo.InvariantCulture));
        foreach (var track in p.Tracks) _data.Events.Add(user, track, EventKind.PlaylistAdd, modified, p.Pid.Value, Missing.Value);
        _report.Count(p.IsChallenge ? MpdRules.ChallengePlaylists : MpdRules.SlicePlaylists);
        _report.Count(MpdRules.PlaylistTracks, p.Tracks.Count);
        if (p.Collaborative) _report.Count(MpdRules.Collaborative);
    }
}
