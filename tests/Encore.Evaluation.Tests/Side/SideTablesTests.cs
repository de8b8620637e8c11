using Encore.Data.Model;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Side;
using Encore.Evaluation.Tests.Protocols;

namespace Encore.Evaluation.Tests.Side;

public sealed class SideTablesTests
{
    /// <summary>TimedWorld plus u0 &lt;-&gt; u1 friends and four tag rows: two on tracks before / after time 9, one on an artist, one untimed.</summary>
    private static MusicDataset World()
    {
        var world = PipelineFixtures.TimedWorld();
        var tags = new Core.Ids.IdMap();
        var rock = tags.GetOrAdd("rock");
        var pop = tags.GetOrAdd("pop");
        return world with
        {
            Tags = tags,
            Friendships = new UserEdgeTable { From = [0, 1], To = [1, 0] },
            TagAssignments = new TagTable
            {
                Users = [0, 1, 2, 1],
                Levels = [EntityLevel.Track, EntityLevel.Track, EntityLevel.Artist, EntityLevel.Track],
                Targets = [3, 1, 0, 2],
                Tags = [rock, pop, rock, pop],
                Timestamps = [9, 10, 5, Missing.Time],
            },
        };
    }

    [Fact]
    public void For_NoCutoff_KeepsTheItemLevelRowsAndBothFriendshipDirections()
    {
        var world = World();

        var sut = SideTables.For(world, world.Users, world.Tracks);

        Assert.NotNull(sut);
        Assert.Equal(2, sut.UserLinks!.NonZeros);
        Assert.Equal(1f, sut.UserLinks.Get(0, 1));
        Assert.Equal(1f, sut.UserLinks.Get(1, 0));
        Assert.Equal(3, sut.Tags!.Count); // the artist-level row is not at the matrix's item level
        Assert.Equal(2, sut.Tags.TagCount);
    }

    [Fact]
    public void Prepare_TemporalOnTest_DropsTagsAfterTheTrainingPeriodAndUntimedOnes()
    {
        var options = new ProtocolOptions { Kind = ProtocolKind.Temporal, TestFraction = 0.2, ValidationFraction = 0.1 };

        var sut = ProtocolPreparer.Prepare(World(), options);

        Assert.Equal(9, sut.TrainingCutoff);
        var tags = sut.Train.Side!.Tags!;
        Assert.Equal(1, tags.Count);
        Assert.Equal("u0", sut.Train.Users[tags.Users[0]]);
        Assert.Equal("t3", sut.Train.Items[tags.Items[0]]);
    }

    [Theory]
    [InlineData(ProtocolKind.Holdout)]
    [InlineData(ProtocolKind.Temporal)]
    public void Prepare_AnyProtocol_KeepsTagsOnlyOnTrainingPairs(ProtocolKind kind)
    {
        // Tag every (user, track) pair of the world, played or not: only those the training matrix holds may survive,
        // so a tag cannot reveal a held-out pair (or mark an unplayed item as "not held out").
        var world = World();
        var (u, t) = (new List<int>(), new List<int>());
        for (var user = 0; user < world.Users.Count; user++)
            for (var track = 0; track < world.Tracks.Count; track++) { u.Add(user); t.Add(track); }
        world = world with
        {
            TagAssignments = new TagTable
            {
                Users = [.. u],
                Levels = [.. u.Select(_ => EntityLevel.Track)],
                Targets = [.. t],
                Tags = [.. u.Select(_ => 0)],
                Timestamps = [.. u.Select(_ => 1L)],
            },
        };

        var sut = ProtocolPreparer.Prepare(world, new ProtocolOptions { Kind = kind, TestFraction = 0.3, ValidationFraction = 0.1, Seed = 3 });

        var tags = sut.Train.Side!.Tags!;
        var pairs = 0;
        for (var row = 0; row < sut.Train.Interactions.Rows; row++)
            foreach (var v in sut.Train.Interactions.RowValues(row)) if (v > 0) pairs++;
        Assert.Equal(pairs, tags.Count);
        for (var r = 0; r < tags.Count; r++) Assert.True(sut.Train.Interactions.Get(tags.Users[r], tags.Items[r]) > 0);
    }

    [Fact]
    public void Attach_NoSideTables_ReturnsTheSameData()
    {
        var world = PipelineFixtures.TimedWorld();
        var prepared = ProtocolPreparer.Prepare(world, new ProtocolOptions { Kind = ProtocolKind.Temporal, TestFraction = 0.2, ValidationFraction = 0.1 });

        Assert.Null(prepared.Train.Side);
        Assert.Same(prepared.Train, SideTables.Attach(world, prepared.Train));
    }
}
