using Parquet;
using Parquet.Schema;

namespace Encore.Data.Snapshots;

/// <summary>
/// Writes one table to one Parquet file in row groups of <see cref="RowGroupSize"/> rows; each group is written
/// column by column from the caller's arrays (no per-row objects).
/// </summary>
internal static class ParquetTableWriter
{
    /// <summary>About a million rows a group: large enough for compression and fast scans, small enough for memory.</summary>
    public const int RowGroupSize = 1 << 20;

    /// <summary>Writes <paramref name="rows"/> rows; <paramref name="writeGroup"/> writes every column of rows [start, start+count).</summary>
    public static async Task WriteAsync(Stream output, ParquetSchema schema, int rows,
        Func<ParquetRowGroupWriter, int, int, Task> writeGroup, CancellationToken ct)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(schema, output, options, append: false, ct);
        for (var start = 0; start < rows; start += RowGroupSize)
        {
            ct.ThrowIfCancellationRequested();
            using var group = writer.CreateRowGroup();
            await writeGroup(group, start, Math.Min(RowGroupSize, rows - start));
            group.CompleteValidate();
        }
    }
}
