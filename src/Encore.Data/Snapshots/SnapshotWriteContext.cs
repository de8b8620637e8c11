using Parquet;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>
/// Where the table writers put their files: one Parquet file per table in the temporary folder, flushed to disk,
/// with row counts remembered for the manifest. <see cref="WrapStream"/> is a test hook for fault injection.
/// </summary>
internal sealed class SnapshotWriteContext(string folder, Func<string, Stream, Stream>? wrapStream, CancellationToken ct)
{
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);

    public string Folder { get; } = folder;

    public CancellationToken Cancellation { get; } = ct;

    public Func<string, Stream, Stream>? WrapStream { get; } = wrapStream;

    public IReadOnlyDictionary<string, long> Rows => _rows;

    public async Task WriteTableAsync(string table, ParquetSchema schema, int rows,
        Func<ParquetRowGroupWriter, int, int, Task> writeGroup)
    {
        Cancellation.ThrowIfCancellationRequested();
        var path = Path.Combine(Folder, SnapshotTables.FileName(table));
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
        {
            var stream = WrapStream?.Invoke(table, file) ?? file;
            await ParquetTableWriter.WriteAsync(stream, schema, rows, writeGroup, Cancellation);
            await stream.FlushAsync(Cancellation);
            file.Flush(flushToDisk: true);
        }
        _rows[table] = rows;
    }

    /// <summary>Dense indices start..start+count, the explicit row-number column of entity tables.</summary>
    public static int[] Indices(int start, int count)
    {
        var result = new int[count];
        for (var i = 0; i < count; i++) result[i] = start + i;
        return result;
    }

    /// <summary>External ids of links (null where the link is <see cref="Model.Missing.Id"/>).</summary>
    public static string?[] ExternalIds(Core.Ids.IdMap map, int[] links, int start, int count)
    {
        var result = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var link = links[start + i];
            result[i] = link >= 0 && link < map.Count ? map[link] : null;
        }
        return result;
    }

    public static string?[] Ids(Core.Ids.IdMap map, int start, int count)
    {
        var result = new string?[count];
        for (var i = 0; i < count; i++) result[i] = map[start + i];
        return result;
    }
}
