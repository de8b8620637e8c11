using Encore.Data.Model;
using Encore.Data.Synthetic;

namespace Encore.Data.Tests.Synthetic;

public sealed class SyntheticWorldDeterminismTests
{
    [Fact]
    public void Generate_SameSeed_EveryColumnIdentical()
    {
        var a = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);
        var b = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);

        AssertSameDataset(a.Dataset, b.Dataset);
        Assert.Equal(a.UserTaste, b.UserTaste);
        Assert.Equal(a.TrackLatent, b.TrackLatent);
        Assert.True(a.UserGenres.ContentEquals(b.UserGenres));
        Assert.Equal(a.UserGenreWeights, b.UserGenreWeights);
    }

    [Fact]
    public void Generate_DifferentSeed_EventsDiffer()
    {
        var a = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);
        var b = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Seed = 7 });

        Assert.Equal(a.Dataset.Events.Count, b.Dataset.Events.Count); // the target is met exactly either way
        Assert.NotEqual(a.Dataset.Events.Items, b.Dataset.Events.Items);
        Assert.NotEqual(a.TrackLatent, b.TrackLatent);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Generate_ThreadCount_DoesNotChangeResult(int threads)
    {
        var options = SyntheticWorldOptions.Tiny with { Users = 400, TargetEvents = 20_000 };
        var single = SyntheticWorld.Generate(options with { DegreeOfParallelism = 1 });
        var parallel = SyntheticWorld.Generate(options with { DegreeOfParallelism = threads });

        AssertSameDataset(single.Dataset, parallel.Dataset);
    }

    [Fact]
    public void Generate_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticWorld.Generate(SyntheticWorldOptions.Tiny, cts.Token));
    }

    private static void AssertSameDataset(MusicDataset a, MusicDataset b)
    {
        Assert.Equal(a.Source, b.Source);
        Assert.Equal(a.Users.Ids, b.Users.Ids);
        Assert.Equal(a.Tracks.Ids, b.Tracks.Ids);
        Assert.Equal(a.Artists.Ids, b.Artists.Ids);
        Assert.Equal(a.Albums.Ids, b.Albums.Ids);
        Assert.Equal(a.Genres.Ids, b.Genres.Ids);
        Assert.Equal(a.Playlists.Ids, b.Playlists.Ids);

        Assert.Equal(a.Events.Users, b.Events.Users);
        Assert.Equal(a.Events.Items, b.Events.Items);
        Assert.Equal(a.Events.Kinds, b.Events.Kinds);
        Assert.Equal(a.Events.Timestamps, b.Events.Timestamps);
        Assert.Equal(a.Events.Sessions, b.Events.Sessions);
        Assert.Equal(a.Events.Values, b.Events.Values);

        Assert.Equal(a.Ratings.Users, b.Ratings.Users);
        Assert.Equal(a.Ratings.Levels, b.Ratings.Levels);
        Assert.Equal(a.Ratings.Targets, b.Ratings.Targets);
        Assert.Equal(a.Ratings.Values, b.Ratings.Values);
        Assert.Equal(a.Ratings.Timestamps, b.Ratings.Timestamps);

        var ta = a.TrackInfo;
        var tb = b.TrackInfo;
        Assert.Equal(ta.Titles, tb.Titles);
        Assert.Equal(ta.Artists, tb.Artists);
        Assert.Equal(ta.Albums, tb.Albums);
        Assert.True(ta.Genres.ContentEquals(tb.Genres));
        Assert.Equal(ta.DurationsMs, tb.DurationsMs);
        Assert.Equal(ta.ReleaseDates, tb.ReleaseDates);
        Assert.Equal(ta.Popularity, tb.Popularity);
        Assert.Equal(ta.Explicit, tb.Explicit);
        Assert.Equal(ta.Audio, tb.Audio);
        Assert.Equal(ta.Embeddings, tb.Embeddings);

        Assert.Equal(a.ArtistInfo.Names, b.ArtistInfo.Names);
        Assert.True(a.ArtistInfo.Genres.ContentEquals(b.ArtistInfo.Genres));
        Assert.Equal(a.AlbumInfo.Artists, b.AlbumInfo.Artists);
        Assert.Equal(a.UserInfo.Premium, b.UserInfo.Premium);
        Assert.True(a.UserInfo.FavouriteGenres.ContentEquals(b.UserInfo.FavouriteGenres));

        Assert.Equal(a.PlaylistInfo.Names, b.PlaylistInfo.Names);
        Assert.Equal(a.PlaylistInfo.Owners, b.PlaylistInfo.Owners);
        Assert.Equal(a.PlaylistInfo.Followers, b.PlaylistInfo.Followers);
        Assert.Equal(a.PlaylistInfo.ModifiedAt, b.PlaylistInfo.ModifiedAt);
        Assert.True(a.PlaylistInfo.Tracks.ContentEquals(b.PlaylistInfo.Tracks));
    }
}
