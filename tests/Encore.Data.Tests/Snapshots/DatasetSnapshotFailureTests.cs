using Encore.Core.Errors;
using Encore.Data.Snapshots;

namespace Encore.Data.Tests.Snapshots;

public sealed class DatasetSnapshotFailureTests : IDisposable
{
    private readonly string _root = SnapshotFixtures.TempFolder();
    private readonly string _folder;

    public DatasetSnapshotFailureTests() => _folder = Path.Combine(_root, "snap");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Write_StreamFailsMidEventsTable_PreviousSnapshotByteForByteIntact()
    {
        var old = SnapshotFixtures.Empty();
        DatasetSnapshot.Write(old, _folder);
        var before = ReadAllFiles(_folder);
        var hooks = new SnapshotWriteHooks { WrapStream = (table, s) => table == "events" ? new ThrowingStream(s, 40) : s };

        var ex = await Assert.ThrowsAsync<IOException>(() =>
            DatasetSnapshot.WriteAsync(SnapshotFixtures.Full(), _folder, TimeProvider.System, hooks, CancellationToken.None));

        Assert.Contains("Simulated failure", ex.Message);
        Assert.Equal(before, ReadAllFiles(_folder));
        DatasetAssert.Equal(old, DatasetSnapshot.Read(_folder));
        Assert.Equal([_folder], Directory.GetDirectories(_root));
    }

    /// <summary>
    /// Session 12: two <c>encore import piki ... -o data/cc</c> at once; the second one's clean-up of stale temporary
    /// folders deleted the first one's live folder, which then failed with "Could not find a part of the path
    /// 'data/cc.tmp-.../friendships.parquet'" (exit 4).
    /// </summary>
    [Fact]
    public void Write_WhileAnotherWriteHoldsTheFolder_RefusesNamingItAndLeavesThatWriteAlone()
    {
        var live = _folder + ".tmp-0123456789ab";
        Directory.CreateDirectory(live);
        using var otherWriter = new FileStream(_folder + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var ex = Assert.Throws<IOException>(() => DatasetSnapshot.Write(SnapshotFixtures.Empty(), _folder));

        Assert.Contains("another command is writing", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_folder, ex.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(live));
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void Write_AfterAnotherWriteFinished_LeavesNoLockFile()
    {
        DatasetSnapshot.Write(SnapshotFixtures.Empty(), _folder);
        DatasetSnapshot.Write(SnapshotFixtures.Empty(), _folder);

        Assert.Equal([_folder], Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public async Task Write_CrashAfterOldRenamedToBackup_ReadSaysWhereTheBackupIs()
    {
        DatasetSnapshot.Write(SnapshotFixtures.Empty(), _folder);
        var hooks = new SnapshotWriteHooks { AfterBackup = () => throw new IOException("Simulated crash mid-swap.") };

        await Assert.ThrowsAsync<IOException>(() =>
            DatasetSnapshot.WriteAsync(SnapshotFixtures.Full(), _folder, TimeProvider.System, hooks, CancellationToken.None));

        var ex = Assert.Throws<ModelFormatException>(() => DatasetSnapshot.Read(_folder));
        var backup = Assert.Single(Directory.GetDirectories(_root), d => d.Contains(".bak-", StringComparison.Ordinal));
        Assert.Contains("interrupted write", ex.Message);
        Assert.Contains(backup, ex.Message);
        DatasetAssert.Equal(SnapshotFixtures.Empty(), DatasetSnapshot.Read(backup));
    }

    [Fact]
    public void Read_NoManifest_SaysNotASnapshot()
    {
        Directory.CreateDirectory(_folder);

        var ex = Assert.Throws<ModelFormatException>(() => DatasetSnapshot.Read(_folder));

        Assert.Equal($"not an Encore dataset snapshot: {_folder}: manifest.json missing; a source data folder must be imported first (`encore import <format> {_folder} -o <dataset>`).", ex.Message);
    }

    [Fact]
    public void Read_NewerSchemaVersion_NamesBothVersions()
    {
        DatasetSnapshot.Write(SnapshotFixtures.Empty(), _folder);
        var path = Path.Combine(_folder, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 7", StringComparison.Ordinal));

        var ex = Assert.Throws<ModelFormatException>(() => DatasetSnapshot.Read(_folder));

        Assert.Contains("schema version 7 is newer than the newest this build reads (1)", ex.Message);
    }

    [Fact]
    public void Read_FileChangedAfterWrite_NamesTheFile()
    {
        DatasetSnapshot.Write(SnapshotFixtures.Full(), _folder);
        var file = Path.Combine(_folder, "ratings.parquet");
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var ex = Assert.Throws<ModelFormatException>(() => DatasetSnapshot.Read(_folder));

        Assert.StartsWith(file + ": file is corrupt or was changed", ex.Message);
    }

    [Fact]
    public void Read_TruncatedParquetWithMatchingHash_ClearErrorNamingTheFile()
    {
        DatasetSnapshot.Write(SnapshotFixtures.Full(), _folder);
        var file = Path.Combine(_folder, "events.parquet");
        var bytes = File.ReadAllBytes(file);
        var truncated = bytes[..(bytes.Length / 2)];
        File.WriteAllBytes(file, truncated);
        var manifest = Path.Combine(_folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(truncated)), StringComparison.Ordinal));

        var ex = Assert.Throws<ModelFormatException>(() => DatasetSnapshot.Read(_folder));

        Assert.StartsWith(file + ": not a readable Parquet snapshot table", ex.Message);
    }

    [Fact]
    public void Read_TableFileDeleted_NamesTheFile()
    {
        DatasetSnapshot.Write(SnapshotFixtures.Full(), _folder);
        var file = Path.Combine(_folder, "tags.parquet");
        File.Delete(file);

        var ex = Assert.Throws<ModelFormatException>(() => DatasetSnapshot.Read(_folder));

        Assert.Equal(file + ": snapshot table file is missing.", ex.Message);
    }

    private static Dictionary<string, byte[]> ReadAllFiles(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllBytes(f));
}
