using System.Globalization;
using System.Text.Json;
using Encore.Core.Errors;
using Encore.Data.Import.JsonCommon;
using Encore.Data.Model;

namespace Encore.Data.Import.Ium;

/// <summary>
/// Reads users.jsonl: id, premium flag, favourite genres and city. Name and street are personal data and are
/// never stored. Null favourite_genres / premium_user mean unknown (counted, not faults). First row of an id wins.
/// </summary>
internal sealed class IumUserReader
{
    private readonly MusicDatasetBuilder _data;
    private readonly ImportReport _report;
    private readonly List<string> _genres = [];
    private string _file = "";

    public IumUserReader(MusicDatasetBuilder data, ImportReport report)
    {
        _data = data;
        _report = report;
    }

    public void Read(string path, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        _file = path;
        var rows = JsonLinesFile.ForEachLine(path, "users", options, _report, progress, ct, ParseLine);
        _report.Count("users: rows", rows);
    }

    private void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a JSON object '{...}'");
        long? id = null;
        string? city = null, badField = null, badProblem = null;
        var premium = Missing.Flag;
        var genresNull = true;
        _genres.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            var ok = true;
            if (reader.TokenType != JsonTokenType.Null)
            {
                switch (field)
                {
                    case "user_id":
                        ok = JsonScalar.TryGetInteger(in reader, out var v);
                        if (ok) id = v;
                        break;
                    case "city":
                        ok = reader.TokenType == JsonTokenType.String;
                        if (ok) city = reader.GetString();
                        break;
                    case "premium_user":
                        ok = reader.TokenType is JsonTokenType.True or JsonTokenType.False;
                        if (ok) premium = reader.TokenType == JsonTokenType.True ? (sbyte)1 : (sbyte)0;
                        break;
                    case "favourite_genres":
                        genresNull = false;
                        ok = JsonStringArray.TryRead(ref reader, _genres);
                        break;
                }
            }
            if (!ok)
            {
                badField ??= field;
                badProblem ??= $"unexpected {JsonScalar.Describe(in reader)}.";
            }
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) reader.Skip();
        }
        if (reader.Read()) throw new JsonException("unexpected content after the JSON object");
        if (id is null)
        {
            _report.Fault(IumRules.BadUserId, new DataFormatException(_file, lineNumber, "user_id", "is missing, null or not an integer; expected the integer user id."));
            return;
        }
        if (badField is not null)
        {
            _report.Fault(IumRules.BadValue("users"), new DataFormatException(_file, lineNumber, badField, badProblem!));
            return;
        }
        var before = _data.Users.Count;
        var index = _data.Users.GetOrAdd(id.Value.ToString(CultureInfo.InvariantCulture));
        if (index < before)
        {
            _report.Remove(IumRules.DuplicateUser);
            return;
        }
        if (genresNull) _report.Count("users: null favourite_genres");
        if (premium == Missing.Flag) _report.Count("users: null premium_user");
        _data.UserInfo.Set(index, premium, _data.GenreIndices(_genres));
        if (city is not null) _data.UserInfo.SetAttribute(index, "city", city);
    }
}
