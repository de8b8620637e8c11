using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ranking;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Ranking;

public sealed class FunnelContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new FunnelTrainer(new FunnelOptions
    {
        Generators = "item-knn(neighbours=20)+als(factors=8, regularization=0.1, iterations=10)",
        Candidates = 20,
        Trees = 20,
        MinimumPerLeaf = 2,
        Threads = 1,
    });
}

public sealed class FunnelTests
{
    [Theory]
    [InlineData("als")]
    [InlineData("funnel+als")]
    [InlineData("als+item-knn(neighbours 20)")]
    public void Generators_Malformed_Throw(string text) => Assert.ThrowsAny<ArgumentException>(() => new FunnelOptions { Generators = text });

    [Fact]
    public void Fit_PlantedBlocks_RankerKeepsEachUserInsideTheirBlock()
    {
        var data = PlantedBlocks.Create();
        // Popularity is flat within the planted blocks and says nothing about a user's block; item-kNN does.
        var model = Assert.IsType<FunnelModel>(new FunnelTrainer(new FunnelOptions
        {
            Generators = "popularity+item-knn(neighbours=20)",
            Candidates = 30,
            Trees = 30,
            MinimumPerLeaf = 2,
            Threads = 1,
        }).Fit(data));
        var users = Enumerable.Range(0, PlantedBlocks.UserCount).Where(u => u != PlantedBlocks.EmptyUser && data.Interactions.RowLength(u) > 0).ToArray();

        var lists = model.Recommend(users, 3);

        Assert.True(model.HasRanker);
        var inside = 0;
        var total = 0;
        for (var x = 0; x < users.Length; x++)
            foreach (var item in lists.ItemsOf(x))
            {
                total++;
                if (PlantedBlocks.BlockOfItem(item) == PlantedBlocks.GroupOfUser(users[x])) inside++;
            }
        Assert.True(inside >= 0.9 * total, $"{inside} of {total} recommendations inside the user's block");
    }

    [Fact]
    public void Fit_NothingToHoldOut_RanksByTheFirstGenerator()
    {
        // One item per user: the carve holds nothing out, so no ranker can be trained.
        var matrix = CsrMatrix.FromTriples(4, 3, [0, 1, 2, 3], [0, 0, 1, 2], [1f, 1f, 1f, 1f]);
        var data = new TrainingData(matrix, IdMap.FromIds(["a", "b", "c", "d"]), IdMap.FromIds(["t0", "t1", "t2"]));

        var model = Assert.IsType<FunnelModel>(new FunnelTrainer(new FunnelOptions { Generators = "popularity+item-knn", Threads = 1 }).Fit(data));
        var list = model.Recommend([3], 3).ItemsOf(0).ToArray();

        Assert.False(model.HasRanker);
        Assert.Equal(0, list[0]); // the most popular unseen track
    }

    [Fact]
    public void Features_Default_IsTheBestSetOnHetRecValidation_PopularityTagsFriends()
    {
        var groups = FunnelFeatureGroupNames.Parse(new FunnelOptions().Features);

        Assert.Equal(FunnelFeatureGroups.Popularity | FunnelFeatureGroups.Tags | FunnelFeatureGroups.Friends, groups);
    }

    [Fact]
    public void FeatureNames_TwoPerGeneratorThenAgreementPopularityNeighboursAndPlayDepth()
    {
        var model = Assert.IsType<FunnelModel>(new FunnelTrainer(new FunnelOptions
        {
            Generators = "popularity+item-knn",
            Features = "all",
            Trees = 5,
            MinimumPerLeaf = 2,
            Threads = 1,
        }).Fit(PlantedBlocks.Create()));

        Assert.Equal(["popularity-z", "popularity-reciprocal-rank", "item-knn-z", "item-knn-reciprocal-rank", "generator-agreement",
            "item-popularity-log", "user-activity-log", "top-played-max-cosine", "top-played-mean-cosine", "play-weighted-cosine",
            "user-play-threshold", "user-play-median", "item-play-median", "item-reach-share", "item-upper-half-share"],
            model.FeatureNames);
    }
}
