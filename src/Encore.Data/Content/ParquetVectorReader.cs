using Encore.Core.Errors;
using Parquet;
using Parquet.Schema;

namespace Encore.Data.Content;

/// <summary>
/// Parquet track vectors in wide form: one id column (string or integer; by name, default the first column)
/// and one numeric column per dimension, in schema order. Nulls are an error naming the row and column.
/// </summary>
internal static class ParquetVectorReader
{
    public static TrackVectorFile Read(string path, string? idColumn) => ReadAsync(path, idColumn).GetAwaiter().GetResult();

    private static async Task<TrackVectorFile> ReadAsync(string path, string? idColumn)
    {
        await using var stream = File.OpenRead(path);
        ParquetReader reader;
        try { reader = await ParquetReader.CreateAsync(stream); }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new DataFormatException(path, 0, "", $"not a readable Parquet file ({e.Message}).", e);
        }
        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            var idIndex = idColumn is null ? 0 : Array.FindIndex(fields, f => string.Equals(f.Name, idColumn, StringComparison.OrdinalIgnoreCase));
            if (idIndex < 0) throw new DataFormatException(path, 0, idColumn!, $"no such column; columns: {string.Join(", ", fields.Select(f => f.Name))}.");
            var valueFields = fields.Where((_, i) => i != idIndex).ToArray();
            if (valueFields.Length == 0) throw new DataFormatException(path, 0, "", "expected an id column and at least one numeric column.");
            foreach (var f in valueFields)
                if (f.IsArray || !IsNumeric(f.ClrType))
                    throw new DataFormatException(path, 0, f.Name, $"expected a numeric column (one per dimension), got {(f.IsArray ? "a list" : f.ClrType.Name)}.");
            var ids = new List<string>();
            var values = new List<float>();
            long rowBase = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                var idData = await IdsAsync(group, fields[idIndex], n);
                var columns = new double[valueFields.Length][];
                for (var c = 0; c < columns.Length; c++) columns[c] = await NumbersAsync(group, valueFields[c], n);
                for (var r = 0; r < n; r++)
                {
                    var id = idData[r];
                    if (string.IsNullOrEmpty(id)) throw new DataFormatException(path, rowBase + r + 1, fields[idIndex].Name, "empty or null track id.");
                    ids.Add(id);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var v = (float)columns[c][r];
                        if (!float.IsFinite(v)) throw new DataFormatException(path, rowBase + r + 1, valueFields[c].Name, $"expected a finite number, got {(double.IsNaN(columns[c][r]) ? "null or NaN" : v)}.");
                        values.Add(v);
                    }
                }
                rowBase += n;
            }
            if (ids.Count == 0) throw new DataFormatException(path, 0, "", "no rows in the file.");
            return new TrackVectorFile([.. ids], valueFields.Length, [.. values]);
        }
    }

    private static async Task<string?[]> IdsAsync(ParquetRowGroupReader group, DataField field, int n)
    {
        if (!IsNumeric(field.ClrType))
        {
            var strings = new string?[n];
            await group.ReadAsync(field, strings.AsMemory()!);
            return strings;
        }
        var numbers = await NumbersAsync(group, field, n);
        return [.. numbers.Select(v => double.IsNaN(v) ? null : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))];
    }

    // Any numeric column as doubles; nulls become NaN.
    private static Task<double[]> NumbersAsync(ParquetRowGroupReader group, DataField field, int n)
    {
        var t = field.ClrType;
        if (t == typeof(float)) return ReadAsync<float>(group, field, n);
        if (t == typeof(double)) return ReadAsync<double>(group, field, n);
        if (t == typeof(int)) return ReadAsync<int>(group, field, n);
        if (t == typeof(long)) return ReadAsync<long>(group, field, n);
        if (t == typeof(short)) return ReadAsync<short>(group, field, n);
        return ReadAsync<decimal>(group, field, n);
    }

    private static async Task<double[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct, System.Numerics.INumber<T>
    {
        var result = new double[n];
        if (!field.IsNullable)
        {
            var plain = new T[n];
            await group.ReadAsync<T>(field, plain.AsMemory());
            for (var i = 0; i < n; i++) result[i] = double.CreateChecked(plain[i]);
            return result;
        }
        var values = new T[n];
        var definition = new int[n];
        await group.ReadRawAsync<T>(field, values, definition, null);
        var next = 0;
        for (var i = 0; i < n; i++) result[i] = definition[i] == 0 ? double.NaN : double.CreateChecked(values[next++]);
        return result;
    }

    private static bool IsNumeric(Type t) =>
        t == typeof(float) || t == typeof(double) || t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(decimal);
}
