namespace Encore.Data.Snapshots;

/// <summary>
/// What <c>manifest.json</c> holds: format version, provenance, the per-table row counts and SHA-256 hashes,
/// and one content hash over all table hashes (same dataset gives the same content hash; the creation time is
/// kept only here, never inside the Parquet files).
/// </summary>
public sealed record SnapshotManifest
{
    /// <summary>The snapshot layout this build writes and the newest it can read.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Marks the folder as an Encore snapshot (guards against reading some other manifest.json).</summary>
    public const string FormatName = "encore-dataset-snapshot";

    public string Format { get; init; } = FormatName;
    public int SchemaVersion { get; init; }
    public string Source { get; init; } = "";
    /// <summary>Name of the <see cref="Model.EntityLevel"/> that event items refer to.</summary>
    public string ItemLevel { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Width of the track embedding list column (0 = no embeddings).</summary>
    public int EmbeddingDimension { get; init; }
    /// <summary>User attribute names in column order (each stored as column <c>attr_NAME</c> of users).</summary>
    public IReadOnlyList<string> UserAttributes { get; init; } = [];
    /// <summary>One entry per table, in <see cref="SnapshotTables.All"/> order.</summary>
    public IReadOnlyList<SnapshotTableEntry> Tables { get; init; } = [];
    /// <summary>SHA-256 over the table hashes in fixed order (lowercase hex).</summary>
    public string ContentHash { get; init; } = "";

    public SnapshotTableEntry? Find(string table)
    {
        foreach (var t in Tables)
            if (t.Name == table) return t;
        return null;
    }
}

/// <summary>One Parquet file of a snapshot: table name, file name, rows and SHA-256 of the file bytes.</summary>
public sealed record SnapshotTableEntry(string Name, string File, long Rows, string Sha256);
