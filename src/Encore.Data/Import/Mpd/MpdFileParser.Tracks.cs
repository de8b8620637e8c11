using System.Text.Json;
using Encore.Core.Errors;
using Encore.Data.Import.JsonCommon;

namespace Encore.Data.Import.Mpd;

/// <summary>Track objects and the declared-count checks of a playlist.</summary>
internal sealed partial class MpdFileParser
{
    private void ReadTracks(ref Utf8JsonReader reader)
    {
        while (_json.Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                NotAnObject(ref reader, "tracks[]");
                continue;
            }
            var line = _json.LineOf(in reader);
            var bad = ReadTrackFields(ref reader);
            if (bad is { } b)
            {
                _report.Fault(MpdRules.BadValue, new DataFormatException(_json.File, line, b.Field, b.Problem));
                continue;
            }
            var track = _tracks.Register(out var problem);
            if (track < 0)
            {
                _report.Fault(MpdRules.BadTrackUri, new DataFormatException(_json.File, line, "track_uri", $"{problem}; expected spotify:track:<22-character id>."));
                continue;
            }
            if (_tracks.LinkProblem() is { } linkProblem)
                _report.Fault(MpdRules.BadValue, new DataFormatException(_json.File, line, linkProblem[..linkProblem.IndexOf(' ', StringComparison.Ordinal)], linkProblem + "; the link is left empty."));
            _playlist.Tracks.Add(track);
        }
    }

    /// <summary>
    /// Copies the fields of one track object; returns the first unreadable field with what was expected and what was
    /// found (<c>expected an integer number of milliseconds, got string "long"</c>), or null.
    /// </summary>
    private (string Field, string Problem)? ReadTrackFields(ref Utf8JsonReader reader)
    {
        _tracks.Clear();
        (string, string)? bad = null;
        while (_json.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            MpdUtf8Field? target = null;
            var name = "";
            if (reader.ValueTextEquals("track_uri"u8)) (target, name) = (_tracks.TrackUri, "track_uri");
            else if (reader.ValueTextEquals("track_name"u8)) (target, name) = (_tracks.TrackName, "track_name");
            else if (reader.ValueTextEquals("artist_uri"u8)) (target, name) = (_tracks.ArtistUri, "artist_uri");
            else if (reader.ValueTextEquals("artist_name"u8)) (target, name) = (_tracks.ArtistName, "artist_name");
            else if (reader.ValueTextEquals("album_uri"u8)) (target, name) = (_tracks.AlbumUri, "album_uri");
            else if (reader.ValueTextEquals("album_name"u8)) (target, name) = (_tracks.AlbumName, "album_name");
            else if (reader.ValueTextEquals("duration_ms"u8)) name = "duration_ms";
            _json.Read(ref reader);
            if (target is not null)
            {
                if (!target.TrySet(in reader)) bad ??= (name, $"expected a valid UTF-8 string, got {JsonScalar.Describe(in reader)}.");
            }
            else if (name == "duration_ms" && reader.TokenType != JsonTokenType.Null)
            {
                if (JsonScalar.TryGetInt32(in reader, out var ms)) _tracks.DurationMs = ms;
                else bad ??= (name, $"expected an integer number of milliseconds, got {JsonScalar.Describe(in reader)}.");
            }
            else _json.Skip(ref reader);
        }
        return bad;
    }

    private void CheckDeclaredCounts(long line)
    {
        var p = _playlist;
        var where = $"{_json.File}:{line}: playlist {p.Pid}";
        if (p.NumSamples is { } samples && samples != p.Tracks.Count)
        {
            _report.Count(MpdRules.NumSamplesMismatch);
            _report.Warn($"{where}: num_samples is {samples} but {p.Tracks.Count} tracks were read.");
        }
        if (p.IsChallenge)
        {
            if (p.NumSamples is { } s && p.NumHoldouts is { } h && p.NumTracks is { } t && s + h != t)
            {
                _report.Count(MpdRules.HoldoutsMismatch);
                _report.Warn($"{where}: num_samples {s} + num_holdouts {h} != num_tracks {t}.");
            }
        }
        else if (p.NumTracks is { } declared && declared != p.Tracks.Count)
        {
            _report.Count(MpdRules.NumTracksMismatch);
            _report.Warn($"{where}: num_tracks is {declared} but {p.Tracks.Count} tracks were read.");
        }
    }
}
