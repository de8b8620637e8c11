using Encore.Data.Model;
using Encore.Data.Statistics;

namespace Encore.Data.Tests.Statistics;

public sealed class DatasetStatisticsTests
{
    private const double Tolerance = 1e-12;

    private static MusicDataset Fixture()
    {
        var b = new MusicDatasetBuilder("stats");
        for (var i = 0; i < 4; i++) b.Users.GetOrAdd("u" + i);
        for (var i = 0; i < 5; i++) b.Tracks.GetOrAdd("t" + i);
        b.Artists.GetOrAdd("a0");
        b.Genres.GetOrAdd("g0");
        b.Genres.GetOrAdd("g1");
        b.Events.Add(0, 0, EventKind.Play, 1000, value: 2);
        b.Events.Add(0, 0, EventKind.Play, 3000, value: 4);
        b.Events.Add(0, 1, EventKind.Like);
        b.Events.Add(1, 0, EventKind.Skip, 500);
        b.Events.Add(1, 2, EventKind.Play, 2000, value: 1);
        b.Events.Add(2, 3, EventKind.Play, value: 3);
        b.Ratings.Add(0, EntityLevel.Track, 0, 5);
        b.Ratings.Add(1, EntityLevel.Track, 1, float.NaN);
        b.Ratings.Add(2, EntityLevel.Artist, 0, 1);
        b.Playlists.GetOrAdd("p0");
        b.Playlists.GetOrAdd("p1");
        b.PlaylistInfo.Add("p0", [0, 1, 2]);
        b.PlaylistInfo.Add("p1", []);
        b.Tags.GetOrAdd("tag");
        b.TagAssignments.Add((0, EntityLevel.Track, 0, 0, Missing.Time));
        b.Friendships.Add((0, 1));
        b.Candidates.Add((3, 4, -1));
        b.Candidates.Add((3, 0, -1));
        return b.Build();
    }

    [Fact]
    public void Compute_HandBuiltDataset_CountsAndDensity()
    {
        var sut = DatasetStatistics.Compute(Fixture());

        Assert.Equal(new DatasetCounts(4, 5, 1, 0, 2, 2, 6, 3, 1, 1, 1, 2), sut.Counts);
        Assert.Equal(5, sut.DistinctPairs);
        Assert.Equal(0.25, sut.Density, Tolerance);
        Assert.Equal(3, sut.UsersWithEvents);
        Assert.Equal(4, sut.ItemsWithEvents);
        Assert.Equal(EntityLevel.Track, sut.ItemLevel);
    }

    [Fact]
    public void Compute_HandBuiltDataset_KindsAndTimeRangeIgnoreMissing()
    {
        var sut = DatasetStatistics.Compute(Fixture());

        Assert.Equal(3, sut.EventsPerKind.Count);
        Assert.Equal(4, sut.EventsPerKind[EventKind.Play]);
        Assert.Equal(1, sut.EventsPerKind[EventKind.Like]);
        Assert.Equal(1, sut.EventsPerKind[EventKind.Skip]);
        Assert.Equal(500, sut.FirstEventMs);
        Assert.Equal(3000, sut.LastEventMs);
    }

    [Fact]
    public void Compute_HandBuiltDataset_Distributions()
    {
        var sut = DatasetStatistics.Compute(Fixture());

        AssertDistribution(new(3, 1, 1.5, 2, 2.5, 2.9, 3, 2), sut.EventsPerUser);
        AssertDistribution(new(4, 1, 1, 1, 1.5, 2.7, 3, 1.5), sut.EventsPerItem);
        AssertDistribution(new(4, 1, 1.75, 2.5, 3.25, 3.85, 4, 2.5), sut.EventValues);
        AssertDistribution(new(2, 1, 2, 3, 4, 4.8, 5, 3), sut.RatingValues);
        AssertDistribution(new(2, 0, 0.75, 1.5, 2.25, 2.85, 3, 1.5), sut.PlaylistLengths);
    }

    [Fact]
    public void Compute_EmptyDataset_EmptyDistributionsAndNoTimeRange()
    {
        var sut = DatasetStatistics.Compute(new MusicDatasetBuilder("empty").Build());

        Assert.Equal(0, sut.DistinctPairs);
        Assert.Equal(0, sut.Density);
        Assert.Null(sut.FirstEventMs);
        Assert.Null(sut.LastEventMs);
        Assert.Empty(sut.EventsPerKind);
        Assert.Equal(0, sut.EventsPerUser.Count);
        Assert.True(double.IsNaN(sut.EventsPerUser.Median));
    }

    [Fact]
    public void Compute_ArtistItemLevel_DensityOverArtists()
    {
        var b = new MusicDatasetBuilder("artists") { ItemLevel = EntityLevel.Artist };
        b.Users.GetOrAdd("u0");
        b.Users.GetOrAdd("u1");
        for (var i = 0; i < 4; i++) b.Artists.GetOrAdd("a" + i);
        b.Tracks.GetOrAdd("t0");
        b.Events.Add(0, 3, EventKind.Play, value: 10);
        b.Events.Add(1, 3, EventKind.Play, value: 20);

        var sut = DatasetStatistics.Compute(b.Build());

        Assert.Equal(2.0 / 8, sut.Density, Tolerance);
        Assert.Equal(1, sut.ItemsWithEvents);
    }

    [Fact]
    public void Quantile_SingleValue_ThatValue()
    {
        Assert.Equal(7, Distribution.Quantile([7.0], 0.95));
    }

    private static void AssertDistribution(Distribution expected, Distribution actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Min, actual.Min, Tolerance);
        Assert.Equal(expected.P25, actual.P25, Tolerance);
        Assert.Equal(expected.Median, actual.Median, Tolerance);
        Assert.Equal(expected.P75, actual.P75, Tolerance);
        Assert.Equal(expected.P95, actual.P95, Tolerance);
        Assert.Equal(expected.Max, actual.Max, Tolerance);
        Assert.Equal(expected.Mean, actual.Mean, Tolerance);
    }
}
