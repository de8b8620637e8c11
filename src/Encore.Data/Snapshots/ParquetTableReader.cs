using Encore.Core.Errors;
using Encore.Data.Model;
using Parquet;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>
/// Reads whole columns of one snapshot table (all row groups concatenated) into arrays. Column lookups by name
/// fail with a <see cref="ModelFormatException"/> naming the file and column.
/// </summary>
internal sealed class ParquetTableReader : IAsyncDisposable
{
    private readonly ParquetReader _reader;
    private readonly long[] _groupRows;

    private ParquetTableReader(string file, ParquetReader reader)
    {
        File = file;
        _reader = reader;
        _groupRows = new long[reader.RowGroupCount];
        for (var g = 0; g < _groupRows.Length; g++)
        {
            _groupRows[g] = reader.OpenRowGroupReader(g).RowCount;
            RowCount += _groupRows[g];
        }
    }

    public string File { get; }

    public long RowCount { get; }

    public static async Task<ParquetTableReader> OpenAsync(string file, byte[] bytes, CancellationToken ct) =>
        new(file, await ParquetReader.CreateAsync(new MemoryStream(bytes, writable: false), null, false, ct));

    public IEnumerable<string> ColumnNames => _reader.Schema.Fields.Select(f => f.Name);

    public async Task<T[]> PlainAsync<T>(string column) where T : struct
    {
        var field = Field(column);
        var result = new T[RowCount];
        var at = 0;
        for (var g = 0; g < _groupRows.Length; g++)
        {
            var n = (int)_groupRows[g];
            await _reader.OpenRowGroupReader(g).ReadAsync<T>(field, result.AsMemory(at, n));
            at += n;
        }
        return result;
    }

    /// <summary>Reads a nullable column; nulls come back as <paramref name="sentinel"/>.</summary>
    public async Task<T[]> WithNullsAsync<T>(string column, T sentinel) where T : struct
    {
        var field = Field(column);
        var result = new T[RowCount];
        var at = 0;
        for (var g = 0; g < _groupRows.Length; g++)
        {
            var n = (int)_groupRows[g];
            var values = new T[n];
            var definition = new int[n];
            await _reader.OpenRowGroupReader(g).ReadRawAsync<T>(field, values, definition, null);
            var next = 0;
            for (var i = 0; i < n; i++) result[at + i] = definition[i] == 0 ? sentinel : values[next++];
            at += n;
        }
        return result;
    }

    public async Task<string?[]> StringsAsync(string column)
    {
        var field = Field(column);
        var result = new string?[RowCount];
        var at = 0;
        for (var g = 0; g < _groupRows.Length; g++)
        {
            var n = (int)_groupRows[g];
            await _reader.OpenRowGroupReader(g).ReadAsync(field, result.AsMemory(at, n)!);
            at += n;
        }
        return result;
    }

    /// <summary>Reads a list&lt;int&gt; column into CSR form (a null list reads as empty).</summary>
    public async Task<IntLists> IntListAsync(string column)
    {
        var builder = new IntListsBuilder();
        await ForEachListAsync<int>(column, (values, definition, repetition, levels) =>
        {
            var next = 0;
            for (var i = 0; i < levels; i++)
            {
                if (i > 0 && repetition[i] == 0) builder.EndEntry();
                if (definition[i] == 2) builder.AddValue(values[next++]);
            }
            if (levels > 0) builder.EndEntry();
        });
        return builder.Build();
    }

    /// <summary>Reads a list&lt;float&gt; column of fixed width into row-major form (a null list is a NaN row).</summary>
    public async Task<float[]> FloatRowsAsync(string column, int width)
    {
        var result = new float[RowCount * width];
        var row = -1;
        var col = 0;
        await ForEachListAsync<float>(column, (values, definition, repetition, levels) =>
        {
            var next = 0;
            for (var i = 0; i < levels; i++)
            {
                if (repetition[i] == 0) { row++; col = 0; }
                if (definition[i] == 0) { result.AsSpan(row * width, width).Fill(float.NaN); continue; }
                if (col >= width) throw new ModelFormatException($"{File}: column '{column}': row {row} has more than {width} values.");
                result[(row * width) + col++] = values[next++];
            }
        });
        return result;
    }

    private async Task ForEachListAsync<T>(string column, Action<T[], int[], int[], int> onGroup) where T : struct
    {
        var field = Field(column);
        for (var g = 0; g < _groupRows.Length; g++)
        {
            var group = _reader.OpenRowGroupReader(g);
            var levels = (int)(group.GetMetadata(field)?.MetaData?.NumValues ?? 0);
            var values = new T[levels];
            var definition = new int[levels];
            var repetition = new int[levels];
            await group.ReadRawAsync<T>(field, values, definition, repetition);
            onGroup(values, definition, repetition, levels);
        }
    }

    private DataField Field(string column)
    {
        foreach (var f in _reader.Schema.DataFields)
            if (f.Path.FirstPart == column) return f;
        throw new ModelFormatException($"{File}: column '{column}' is missing.");
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
