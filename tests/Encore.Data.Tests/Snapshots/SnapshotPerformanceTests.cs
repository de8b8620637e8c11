using System.Diagnostics;
using Encore.Data.Model;
using Encore.Data.Snapshots;
using Xunit.Abstractions;

namespace Encore.Data.Tests.Snapshots;

/// <summary>Timing of a 10M-event snapshot; runs only with ENCORE_PERF=1 (too heavy for every test run).</summary>
public sealed class SnapshotPerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void WriteRead_TenMillionEvents_TakesSeconds()
    {
        if (Environment.GetEnvironmentVariable("ENCORE_PERF") != "1") return;
        const int n = 10_000_000;
        var b = new MusicDatasetBuilder("perf");
        for (var i = 0; i < 100_000; i++) b.Users.GetOrAdd("u" + i);
        for (var i = 0; i < 200_000; i++) b.Tracks.GetOrAdd("t" + i);
        var rng = new Encore.Core.Randomness.Rng(1);
        var events = new EventTableBuilder(n);
        for (var i = 0; i < n; i++)
            events.Add(rng.NextInt(100_000), rng.NextInt(200_000), (EventKind)rng.NextInt(4), 1_600_000_000_000L + i, i / 20, rng.NextInt(10));
        var built = b.Build();
        var dataset = new MusicDataset
        {
            Source = built.Source,
            Users = built.Users,
            Tracks = built.Tracks,
            Artists = built.Artists,
            Albums = built.Albums,
            Genres = built.Genres,
            Playlists = built.Playlists,
            Tags = built.Tags,
            TrackInfo = built.TrackInfo,
            ArtistInfo = built.ArtistInfo,
            AlbumInfo = built.AlbumInfo,
            UserInfo = built.UserInfo,
            Events = events.Build(),
            Ratings = built.Ratings,
            PlaylistInfo = built.PlaylistInfo,
            TagAssignments = built.TagAssignments,
            Friendships = built.Friendships,
            Candidates = built.Candidates,
        };
        var folder = Path.Combine(SnapshotFixtures.TempFolder(), "perf");
        try
        {
            var watch = Stopwatch.StartNew();
            DatasetSnapshot.Write(dataset, folder);
            var write = watch.Elapsed;
            watch.Restart();
            var back = DatasetSnapshot.Read(folder);
            var read = watch.Elapsed;
            var bytes = new FileInfo(Path.Combine(folder, "events.parquet")).Length;
            output.WriteLine($"10M events: write {write.TotalSeconds:F2} s, read {read.TotalSeconds:F2} s, events.parquet {bytes / 1e6:F1} MB");
            Assert.Equal(n, back.Events.Count);
            DatasetAssert.Column(dataset.Events.Timestamps, back.Events.Timestamps, "ts");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
