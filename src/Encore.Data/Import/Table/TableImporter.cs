using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.Table;

/// <summary>
/// Generic interaction tables: CSV / TSV (plain or gzip) and Parquet, with a column mapping from the
/// settings (<c>user=</c>, <c>item=</c>, optional <c>value=</c>, <c>time=</c>, <c>time-unit=s|ms</c>,
/// <c>kind=</c> / <c>kind-default=</c>, <c>session=</c>, <c>delimiter=</c>, <c>header=</c>, <c>level=</c>).
/// </summary>
public sealed class TableImporter : IDatasetImporter
{
    public string Format => "table";

    public IReadOnlyList<string> SettingKeys => TableMapping.Keys;

    public string Description => "CSV / TSV / Parquet interaction tables; map columns with user=, item=, value=, time=, kind=, session=";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var mapping = TableMapping.From(options);
        // Without a time column, identical rows are legitimately repeated events; with one, exact repeats are removed.
        var builder = new MusicDatasetBuilder("table: " + string.Join(", ", paths)) { ItemLevel = mapping.Level, RemoveDuplicateEvents = mapping.Time is not null };
        var sink = new TableEventSink(builder);
        foreach (var file in ImportPaths.Files(paths))
        {
            if (ImportPaths.BaseName(file).EndsWith(".PARQUET", StringComparison.Ordinal))
                ParquetTableReader.Read(file, mapping, sink, report, progress, cancellationToken);
            else
                DelimitedTableReader.Read(file, mapping, sink, options, report, progress, cancellationToken);
        }
        var dataset = builder.Build();
        if (builder.DuplicateEventsRemoved > 0) report.Remove(FaultRules.Duplicate, builder.DuplicateEventsRemoved);
        return dataset;
    }
}
