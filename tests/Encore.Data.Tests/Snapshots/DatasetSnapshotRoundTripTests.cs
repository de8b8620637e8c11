using Encore.Data.Model;
using Encore.Data.Snapshots;

namespace Encore.Data.Tests.Snapshots;

public sealed class DatasetSnapshotRoundTripTests : IDisposable
{
    private readonly string _root = SnapshotFixtures.TempFolder();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Write_FullDataset_ReadGivesEqualDataset()
    {
        var expected = SnapshotFixtures.Full();
        var folder = Path.Combine(_root, "snap");

        DatasetSnapshot.Write(expected, folder);
        var actual = DatasetSnapshot.Read(folder);

        DatasetAssert.Equal(expected, actual);
    }

    [Fact]
    public void Write_EmptyDataset_ReadGivesEmptyDatasetWithItemLevel()
    {
        var expected = SnapshotFixtures.Empty();
        var folder = Path.Combine(_root, "empty");

        DatasetSnapshot.Write(expected, folder);
        var actual = DatasetSnapshot.Read(folder);

        DatasetAssert.Equal(expected, actual);
        Assert.Equal(EntityLevel.Artist, actual.ItemLevel);
    }

    [Fact]
    public void Write_SameDatasetTwiceAtDifferentTimes_SameContentHashAndFileBytes()
    {
        var dataset = SnapshotFixtures.Full();
        var a = Path.Combine(_root, "a");
        var b = Path.Combine(_root, "b");

        var first = DatasetSnapshot.Write(dataset, a, new FixedTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var second = DatasetSnapshot.Write(dataset, b, new FixedTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(64, first.ContentHash.Length);
        foreach (var t in first.Tables)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, t.File)), File.ReadAllBytes(Path.Combine(b, t.File)));
        DatasetAssert.Equal(DatasetSnapshot.Read(a), DatasetSnapshot.Read(b));
    }

    [Fact]
    public void Write_FullDataset_ManifestHoldsCountsHashesAndCreationTime()
    {
        var folder = Path.Combine(_root, "m");
        var now = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

        DatasetSnapshot.Write(SnapshotFixtures.Full(), folder, new FixedTimeProvider(now));
        var manifest = DatasetSnapshot.ReadManifest(folder);

        Assert.Equal(1, manifest.SchemaVersion);
        Assert.Equal("test:full ünïcødé", manifest.Source);
        Assert.Equal("Track", manifest.ItemLevel);
        Assert.Equal(now, manifest.CreatedAt);
        Assert.Equal(3, manifest.EmbeddingDimension);
        Assert.Equal(["age", "city"], manifest.UserAttributes);
        long[] rows = [3, 4, 2, 2, 3, 2, 3, 4, 5, 3, 2, 2, 3];
        Assert.Equal(
            ["users", "tracks", "artists", "albums", "genres", "tags", "playlists", "playlist_tracks", "events", "ratings",
             "tag_assignments", "friendships", "candidates"],
            manifest.Tables.Select(t => t.Name));
        Assert.Equal(rows, manifest.Tables.Select(t => t.Rows));
        Assert.All(manifest.Tables, t => Assert.Equal(64, t.Sha256.Length));
        Assert.Contains("\n  \"schemaVersion\": 1", File.ReadAllText(Path.Combine(folder, "manifest.json")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_OverExistingSnapshot_ReplacesItAndLeavesNoSiblings()
    {
        var folder = Path.Combine(_root, "snap");
        DatasetSnapshot.Write(SnapshotFixtures.Empty(), folder);

        DatasetSnapshot.Write(SnapshotFixtures.Full(), folder);

        DatasetAssert.Equal(SnapshotFixtures.Full(), DatasetSnapshot.Read(folder));
        Assert.Equal([folder], Directory.GetDirectories(_root));
    }
}
