using System.Text.Json;
using Encore.Core.Errors;
using Encore.Data.Import.JsonCommon;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Ium;

/// <summary>
/// Reads artists.jsonl: name and genres per Spotify artist id. The id must be a string (the 2024 edition's
/// placeholder <c>-1</c> numbers are faults). The first row of a repeated id wins; later ones are removed
/// under <see cref="IumRules.DuplicateArtist"/>. Null genres mean none known (counted, not a fault).
/// </summary>
internal sealed class IumArtistReader
{
    private readonly MusicDatasetBuilder _data;
    private readonly ImportReport _report;
    private readonly List<string> _genres = [];
    private string _file = "";

    public IumArtistReader(MusicDatasetBuilder data, ImportReport report)
    {
        _data = data;
        _report = report;
    }

    public void Read(string path, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        _file = path;
        var rows = JsonLinesFile.ForEachLine(path, "artists", options, _report, progress, ct, ParseLine);
        _report.Count("artists: rows", rows);
    }

    private void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a JSON object '{...}'");
        string? id = null, name = null, badField = null, badProblem = null;
        var genresNull = true;
        _genres.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            var ok = true;
            switch (field)
            {
                case "id":
                    ok = reader.TokenType == JsonTokenType.String;
                    if (ok) id = reader.GetString();
                    else badProblem ??= $"expected a Spotify artist id string, got {JsonScalar.Describe(in reader)}.";
                    break;
                case "name" when reader.TokenType != JsonTokenType.Null:
                    ok = reader.TokenType == JsonTokenType.String;
                    if (ok) name = reader.GetString();
                    break;
                case "genres" when reader.TokenType != JsonTokenType.Null:
                    genresNull = false;
                    ok = JsonStringArray.TryRead(ref reader, _genres);
                    break;
            }
            if (!ok)
            {
                badField ??= field;
                badProblem ??= $"unexpected {JsonScalar.Describe(in reader)}.";
            }
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) reader.Skip();
        }
        if (reader.Read()) throw new JsonException("unexpected content after the JSON object");
        if (badField == "id" || string.IsNullOrEmpty(id))
        {
            _report.Fault(IumRules.BadArtistId, new DataFormatException(_file, lineNumber, "id", badField == "id" ? badProblem! : "is missing or empty; expected a Spotify artist id string."));
            return;
        }
        if (IdText.IsRefused(id))
        {
            _report.Fault(IumRules.BadArtistId, new DataFormatException(_file, lineNumber, "id", IdText.Problem(id) + "."));
            return;
        }
        if (badField is not null)
        {
            _report.Fault(IumRules.BadValue("artists"), new DataFormatException(_file, lineNumber, badField, badProblem!));
            return;
        }
        var index = _data.Artists.GetOrAdd(id);
        if (_data.ArtistInfo.Has(index))
        {
            _report.Remove(IumRules.DuplicateArtist);
            return;
        }
        if (genresNull) _report.Count("artists: null genres");
        _data.ArtistInfo.Set(index, name, _data.GenreIndices(_genres));
    }
}
