using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Social;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Social;

/// <summary>The planted blocks with each user linked to five seeded users of their own group.</summary>
internal static class PlantedFriends
{
    public static TrainingData Create()
    {
        var data = PlantedBlocks.Create();
        var rng = new Rng(5);
        var (rows, columns) = (new List<int>(), new List<int>());
        for (var u = 0; u < PlantedBlocks.UserCount; u++)
        {
            var group = PlantedBlocks.GroupOfUser(u);
            for (var k = 0; k < 5; k++)
            {
                var f = group * PlantedBlocks.UsersPerGroup + rng.NextInt(PlantedBlocks.UsersPerGroup);
                if (f == u) continue;
                rows.Add(u);
                columns.Add(f);
            }
        }
        var ones = Enumerable.Repeat(1f, rows.Count).ToArray();
        var links = CsrMatrix.FromTriples(PlantedBlocks.UserCount, PlantedBlocks.UserCount, rows.ToArray(), columns.ToArray(), ones, DuplicatePolicy.Max);
        return data.WithSide(new SideInformation(links, null));
    }
}

/// <summary>The model contract over <see cref="PlantedFriends"/>.</summary>
public sealed class FriendsContractTests : RecommenderContractTests
{
    protected override TrainingData CreateData() => PlantedFriends.Create();

    protected override IRecommenderTrainer CreateTrainer() => new FriendsTrainer(new FriendsOptions { Taste = 1, SecondDegree = 0.2 });
}

/// <summary>The funnel's contract with the friends model as a cross-fitted generator (its nested file saved and loaded).</summary>
public sealed class FunnelFriendsGeneratorContractTests : RecommenderContractTests
{
    protected override TrainingData CreateData() => PlantedFriends.Create();

    protected override IRecommenderTrainer CreateTrainer() => new Encore.Models.Ranking.FunnelTrainer(new Encore.Models.Ranking.FunnelOptions
    {
        Generators = "item-knn(neighbours=20)+friends(taste=1, second-degree=0.3)",
        Candidates = 20,
        Folds = 3,
        Trees = 20,
        MinimumPerLeaf = 2,
        Threads = 1,
    });
}

public sealed class FriendsModelTests
{
    // Users: u0 links to u1 and u2; u1 plays items 0 (value 9) and 1 (value 1); u2 plays item 1 (value 4); u3 has item 3
    // only and no friends; u0 plays item 4.
    private static TrainingData Data()
    {
        var x = CsrMatrix.FromTriples(4, 5, [0, 1, 1, 2, 3], [4, 0, 1, 1, 3], [2f, 9f, 1f, 4f, 1f]);
        var links = CsrMatrix.FromTriples(4, 4, [0, 0, 1, 2], [1, 2, 0, 0], [1f, 1f, 1f, 1f]);
        return TrainingData.FromMatrix(x).WithSide(new SideInformation(links, null));
    }

    [Fact]
    public void Score_Binary_IsTheShareOfFriendsWithTheItemPlusPopularity()
    {
        var sut = new FriendsTrainer(new FriendsOptions { Weighting = FriendPlayWeighting.Binary, PopularityWeight = 0.5 }).Fit(Data());
        var scores = new float[3];

        sut.Score(0, [0, 1, 3], scores);

        // Item 0: one friend of two, 1 user of the top count 2 -> 0.5 + 0.5 * 0.5; item 1: both friends -> 1 + 0.5 * 1.
        Assert.Equal(0.75f, scores[0], 5);
        Assert.Equal(1.5f, scores[1], 5);
        Assert.Equal(0.25f, scores[2], 5);
    }

    [Fact]
    public void Score_Log1p_ScalesEachFriendsPlaysToTheirLargest()
    {
        var sut = new FriendsTrainer(new FriendsOptions { Weighting = FriendPlayWeighting.Log1p, PopularityWeight = 0 }).Fit(Data());
        var scores = new float[2];

        sut.Score(0, [0, 1], scores);

        // u1: ln 10 / ln 10 = 1 on item 0, ln 2 / ln 10 on item 1; u2: 1 on item 1; each friend weighs 1/2.
        Assert.Equal(0.5f, scores[0], 5);
        Assert.Equal(0.5f * (MathF.Log(2) / MathF.Log(10)) + 0.5f, scores[1], 5);
    }

    [Fact]
    public void Recommend_UserWithoutFriends_GetsThePopularityList()
    {
        var sut = new FriendsTrainer().Fit(Data());

        var (items, _) = sut.RecommendOne(3, 5);

        Assert.Equal([1, 0, 4], items);
    }

    [Fact]
    public void Fit_NoSideTables_RanksByPopularity()
    {
        var data = TrainingData.FromMatrix(Data().Interactions);

        var (items, _) = new FriendsTrainer().Fit(data).RecommendOne(0, 2);

        Assert.Equal(1, items[0]);
    }

    [Fact]
    public void Fit_Taste_WeighsFriendsBySharedItems()
    {
        // u0 {0, 1}; friend u1 {0, 1, 2} shares both items, friend u2 {3} shares none.
        var x = CsrMatrix.FromTriples(3, 4, [0, 0, 1, 1, 1, 2], [0, 1, 0, 1, 2, 3], [1f, 1f, 1f, 1f, 1f, 1f]);
        var links = CsrMatrix.FromTriples(3, 3, [0, 0], [1, 2], [1f, 1f]);
        var data = TrainingData.FromMatrix(x).WithSide(new SideInformation(links, null));

        var sut = (FriendsModel)new FriendsTrainer(new FriendsOptions { Taste = 1 }).Fit(data);

        var close = FriendWeights.TasteFloor + 2 / Math.Sqrt(6);
        var total = close + FriendWeights.TasteFloor;
        Assert.Equal(close / total, sut.FriendWeights.Get(0, 1), 5);
        Assert.Equal(FriendWeights.TasteFloor / total, sut.FriendWeights.Get(0, 2), 5);
    }

    [Fact]
    public void Fit_SecondDegree_GivesFriendsOfFriendsTheirShare()
    {
        // Chain u0 - u1 - u2: u2 is a friend of a friend of u0.
        var x = CsrMatrix.FromTriples(3, 3, [0, 1, 2], [0, 1, 2], [1f, 1f, 1f]);
        var links = CsrMatrix.FromTriples(3, 3, [0, 1, 1, 2], [1, 0, 2, 1], [1f, 1f, 1f, 1f]);
        var data = TrainingData.FromMatrix(x).WithSide(new SideInformation(links, null));

        var sut = (FriendsModel)new FriendsTrainer(new FriendsOptions { SecondDegree = 0.25 }).Fit(data);

        Assert.Equal(0.75f, sut.FriendWeights.Get(0, 1), 5);
        Assert.Equal(0.25f, sut.FriendWeights.Get(0, 2), 5);
        Assert.Equal(0.5f, sut.FriendWeights.Get(1, 0), 5); // u1's friends are direct only: no third user two steps away
        Assert.Equal(0f, sut.FriendWeights.Get(0, 0));
    }

    [Fact]
    public void Fit_FriendWithoutSignal_IsDropped()
    {
        var x = CsrMatrix.FromTriples(3, 2, [0, 1], [0, 1], [1f, 1f]);
        var links = CsrMatrix.FromTriples(3, 3, [0, 0], [1, 2], [1f, 1f]);
        var data = TrainingData.FromMatrix(x).WithSide(new SideInformation(links, null));

        var sut = (FriendsModel)new FriendsTrainer().Fit(data);

        Assert.Equal(1f, sut.FriendWeights.Get(0, 1), 5);
        Assert.Equal(1, sut.FriendWeights.RowLength(0));
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.ThrowsAny<ArgumentException>(() => new FriendsOptions { Taste = -1 });
        Assert.ThrowsAny<ArgumentException>(() => new FriendsOptions { SecondDegree = 0.95 });
        Assert.ThrowsAny<ArgumentException>(() => new FriendsOptions { PopularityWeight = -0.1 });
    }
}
