using Encore.Data.Model;

namespace Encore.Data.Snapshots;

/// <summary>Writes every table into the (temporary) folder, then the manifest with hashes, fsynced.</summary>
internal static class SnapshotWriter
{
    public static async Task<SnapshotManifest> WriteAsync(MusicDataset d, SnapshotWriteContext ctx, TimeProvider time)
    {
        var attributes = d.UserInfo.Attributes.Keys.Order(StringComparer.Ordinal).ToArray();
        await UsersTableWriter.WriteAsync(d, attributes, ctx);
        await TracksTableWriter.WriteAsync(d, ctx);
        await CatalogueTablesWriter.WriteAsync(d, ctx);
        await PlaylistTablesWriter.WriteAsync(d, ctx);
        await InteractionTablesWriter.WriteAsync(d, ctx);

        var tables = new List<SnapshotTableEntry>(SnapshotTables.All.Count);
        foreach (var table in SnapshotTables.All)
        {
            var file = SnapshotTables.FileName(table);
            tables.Add(new SnapshotTableEntry(table, file, ctx.Rows[table], SnapshotHashing.OfFile(Path.Combine(ctx.Folder, file))));
        }
        var manifest = new SnapshotManifest
        {
            SchemaVersion = SnapshotManifest.CurrentSchemaVersion,
            Source = d.Source,
            ItemLevel = d.ItemLevel.ToString(),
            CreatedAt = time.GetUtcNow(),
            EmbeddingDimension = d.TrackInfo.EmbeddingDimension,
            UserAttributes = attributes,
            Tables = tables,
            ContentHash = SnapshotHashing.OfTables(tables),
        };
        var path = Path.Combine(ctx.Folder, ManifestFile.Name);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await file.WriteAsync(ManifestFile.Serialize(manifest), ctx.Cancellation);
            file.Flush(flushToDisk: true);
        }
        return manifest;
    }
}
