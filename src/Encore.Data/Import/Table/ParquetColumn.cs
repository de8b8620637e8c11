using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Encore.Data.Import.Table;

/// <summary>
/// One Parquet column chunk of a row group, read whole and exposed as id text, number or Unix-ms time
/// whatever its physical type (ints, longs, floats, doubles, strings, timestamps; nulls allowed).
/// </summary>
internal sealed class ParquetColumn
{
    private readonly string?[]? _text;
    private readonly double[]? _numbers;
    private readonly long[]? _times;

    private ParquetColumn(string?[]? text, double[]? numbers, long[]? times)
    {
        _text = text;
        _numbers = numbers;
        _times = times;
    }

    public static async Task<ParquetColumn> ReadAsync(string path, ParquetRowGroupReader group, DataField field, CancellationToken ct)
    {
        var n = checked((int)group.RowCount);
        var t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>) || t == typeof(ReadOnlyMemory<byte>))
        {
            var text = new string?[n];
            await group.ReadAsync(field, text.AsMemory()!, null, ct);
            return new ParquetColumn(text, null, null);
        }
        if (t == typeof(DateTime))
        {
            var dates = await ReadNullable<DateTime>(group, field, n, ct);
            return new ParquetColumn(null, null, Array.ConvertAll(dates, d => d is { } v
                ? (DateTime.SpecifyKind(v, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond
                : Model.Missing.Time));
        }
        if (t == typeof(int)) return Numbers(await ReadNullable<int>(group, field, n, ct), v => v);
        if (t == typeof(long)) return Numbers(await ReadNullable<long>(group, field, n, ct), v => v);
        if (t == typeof(float)) return Numbers(await ReadNullable<float>(group, field, n, ct), v => v);
        if (t == typeof(double)) return Numbers(await ReadNullable<double>(group, field, n, ct), v => v);
        if (t == typeof(short)) return Numbers(await ReadNullable<short>(group, field, n, ct), v => v);
        if (t == typeof(bool)) return Numbers(await ReadNullable<bool>(group, field, n, ct), v => v ? 1 : 0);
        throw new Core.Errors.DataFormatException(path, 0, field.Name, $"column has Parquet type {t.Name}; expected text, integer, floating point or timestamp.");
    }

    /// <summary>The value as id text (integers printed invariantly), or null.</summary>
    public string? Text(int row) => _text is not null ? _text[row]
        : _numbers is not null ? (double.IsNaN(_numbers[row]) ? null : _numbers[row].ToString("R", CultureInfo.InvariantCulture))
        : _times![row] == Model.Missing.Time ? null : _times[row].ToString(CultureInfo.InvariantCulture);

    public bool IsNumeric => _numbers is not null;

    public bool IsTime => _times is not null;

    /// <summary>NaN for null.</summary>
    public double Number(int row) => _numbers is not null ? _numbers[row]
        : _times is not null ? _times[row] : double.NaN;

    public long Time(int row) => _times![row];

    private static async Task<T?[]> ReadNullable<T>(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct) where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[n];
            await group.ReadAsync(field, values.AsMemory(), null, ct);
            return values;
        }
        var plain = new T[n];
        await group.ReadAsync(field, plain.AsMemory(), null, ct);
        return Array.ConvertAll(plain, v => (T?)v);
    }

    private static ParquetColumn Numbers<T>(T?[] values, Func<T, double> convert) where T : struct =>
        new(null, Array.ConvertAll(values, v => v is { } x ? convert(x) : double.NaN), null);
}
