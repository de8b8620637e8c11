using System.Globalization;
using Encore.Core.Errors;

namespace Encore.Data.Content;

/// <summary>
/// CSV / TSV track vectors: each row is an id followed by the same number of numbers. A first row whose
/// second field is not a number is a header (its id column may be chosen by name). Empty lines are skipped.
/// </summary>
internal static class DelimitedVectorReader
{
    public static TrackVectorFile Read(string path, char delimiter, string? idColumn)
    {
        var ids = new List<string>();
        var values = new List<float>();
        var dimension = -1;
        var idIndex = 0;
        long lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(delimiter);
            if (lineNumber == 1 && fields.Length > 1 && !float.TryParse(fields[idIndex == 0 ? 1 : 0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                if (idColumn is not null)
                {
                    idIndex = Array.FindIndex(fields, f => string.Equals(f.Trim(), idColumn, StringComparison.OrdinalIgnoreCase));
                    if (idIndex < 0) throw new DataFormatException(path, 1, idColumn, $"no such column in the header ({string.Join(", ", fields)}).");
                }
                continue;
            }
            if (fields.Length < 2) throw new DataFormatException(path, lineNumber, "value 1 (field 2)", $"expected an id and at least one number separated by '{Printable(delimiter)}', got {fields.Length} field; missing: value 1 (field 2).");
            if (dimension < 0) dimension = fields.Length - 1;
            else if (fields.Length - 1 != dimension)
            {
                // Name every missing value (or every extra field), not only the first.
                var got = fields.Length - 1;
                var which = got < dimension
                    ? string.Join(", ", Enumerable.Range(got + 1, dimension - got).Select(v => $"value {v} (field {v + 1})"))
                    : string.Join(", ", Enumerable.Range(dimension + 2, got - dimension).Select(f => $"field {f}"));
                throw new DataFormatException(path, lineNumber, which, $"expected {dimension} numbers after the id (as on the first row), got {got}; "
                    + (got < dimension ? $"missing: {which}." : $"{(got - dimension == 1 ? "one field" : $"{got - dimension} fields")} too many: {which}."));
            }
            var id = fields[idIndex].Trim();
            if (id.Length == 0) throw new DataFormatException(path, lineNumber, "id", "empty track id.");
            ids.Add(id);
            for (var c = 0; c < fields.Length; c++)
            {
                if (c == idIndex) continue;
                if (!float.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !float.IsFinite(v))
                    throw new DataFormatException(path, lineNumber, $"column {c + 1}", $"expected a finite number, got '{fields[c]}'.");
                values.Add(v);
            }
        }
        if (ids.Count == 0) throw new DataFormatException(path, 0, "", "no vectors in the file.");
        return new TrackVectorFile([.. ids], dimension, [.. values]);
    }

    private static string Printable(char c) => c == '\t' ? "tab" : c.ToString();
}
