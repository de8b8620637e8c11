namespace Encore.Data.Snapshots;

/// <summary>Test seams for crash simulation: wrap each table's output stream, or run code mid-swap.</summary>
internal sealed class SnapshotWriteHooks
{
    /// <summary>Given (table, file stream), returns the stream the Parquet writer writes to.</summary>
    public Func<string, Stream, Stream>? WrapStream { get; init; }

    /// <summary>Runs after the old snapshot was renamed to its backup name and before the new one moves in.</summary>
    public Action? AfterBackup { get; init; }

    /// <summary>Refuse to replace a folder with different content (<see cref="DatasetSnapshot.WriteNew"/>).</summary>
    public bool RefuseDifferent { get; init; }
}
