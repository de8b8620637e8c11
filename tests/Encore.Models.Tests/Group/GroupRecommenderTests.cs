using Encore.Models.Contract;
using Encore.Models.Group;
using Encore.Models.Neighbourhood;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Group;

public sealed class GroupRecommenderTests
{
    private static readonly TrainingData Data = PlantedBlocks.Create();
    private static readonly IRecommender Model = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20 }).Fit(Data);

    [Theory]
    [InlineData(GroupStrategy.Average)]
    [InlineData(GroupStrategy.LeastMisery)]
    [InlineData(GroupStrategy.MostPleasure)]
    [InlineData(GroupStrategy.BordaCount)]
    [InlineData(GroupStrategy.OverlapFirst)]
    [InlineData(GroupStrategy.ExpectedPlays)]
    public void Recommend_MembersOfOneBlock_GetTheirBlock(GroupStrategy strategy)
    {
        var sut = new GroupRecommender(Model, new GroupOptions { Strategy = strategy, MemberListSize = 5 });
        var members = new[] { GroupMember.Known(24), GroupMember.Known(25), GroupMember.Known(26) };
        var result = sut.Recommend(members, 4, new RecommendOptions { ExcludeSeen = false });
        Assert.Equal(4, result.Items.Length);
        Assert.All(result.Items, i => Assert.Equal(1, PlantedBlocks.BlockOfItem(i)));
        Assert.Equal(3, result.Members.Length);
    }

    [Fact]
    public void Recommend_ExcludeSeen_DropsWhatAnyMemberHas()
    {
        var sut = new GroupRecommender(Model);
        var members = new[] { GroupMember.Known(24), GroupMember.Known(25), GroupMember.Known(26) };
        var result = sut.Recommend(members, 10);
        foreach (var m in members) Assert.DoesNotContain(result.Items, Data.Interactions.RowIndices(m.User).ToArray().Contains);
    }

    [Fact]
    public void Recommend_HistoryMember_IsScoredByFoldIn()
    {
        var sut = new GroupRecommender(Model);
        var guest = GroupMember.FromHistory([36, 37, 38], [1f, 1f, 1f]);
        var result = sut.Recommend([guest], 3);
        Assert.All(result.Items, i => Assert.Equal(3, PlantedBlocks.BlockOfItem(i)));
        Assert.DoesNotContain(result.Items, new[] { 36, 37, 38 }.Contains);
    }

    // A history whose only item has no signal gives the fold-in no evidence: the member's scores were all NaN ("not a
    // candidate"), so the group got no list at all. Such a member is now scored by the popularity step, as a known member
    // without signal is.
    [Fact]
    public void Recommend_HistoryMemberWithoutEvidence_IsScoredByPopularityNotAnEmptyList()
    {
        var data = WithSilentItem(Data, out var silent);
        var model = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20 }).Fit(data);
        var sut = new GroupRecommender(model);

        var result = sut.Recommend([GroupMember.Known(24), GroupMember.FromHistory([silent], [1f])], 3);

        Assert.Equal(3, result.Items.Length);
        Assert.Empty(((IHistoryRecommender)model).RecommendFromHistory([silent], [1f], 3).Items);
    }

    // A guest folded in from one track has evidence only for that track's neighbours. Every other item was NaN ("not a
    // candidate") in the guest's row, so the whole group's list was cut to the guest's neighbours and a known member's
    // own taste could not enter it. Items without evidence now score the guest's floor, as a known member's row does.
    [Theory]
    [InlineData(GroupStrategy.Average)]
    [InlineData(GroupStrategy.MostPleasure)]
    [InlineData(GroupStrategy.BordaCount)]
    public void Recommend_GuestWithOneTrack_DoesNotRestrictTheGroupToItsNeighbours(GroupStrategy strategy)
    {
        var sut = new GroupRecommender(Model, new GroupOptions { Strategy = strategy });

        var result = sut.Recommend([GroupMember.Known(24), GroupMember.FromHistory([36], [1f])], 10, new RecommendOptions { ExcludeSeen = false });

        var neighbours = ((IHistoryRecommender)Model).RecommendFromHistory([36], [1f], PlantedBlocks.ItemCount).Items;
        Assert.Contains(result.Items, i => !neighbours.Contains(i));
        Assert.Contains(result.Items, i => PlantedBlocks.BlockOfItem(i) == 1);
        Assert.Contains(result.Items, i => PlantedBlocks.BlockOfItem(i) == 3);
    }

    [Fact]
    public void FoldInScoreVector_UnlistedItemsGetTheFloor_NoSignalItemsStayNaN()
    {
        var data = WithSilentItem(Data, out var silent);
        var model = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20 }).Fit(data);
        var scores = new float[silent + 1];

        FoldInScoreVector.Fill(model, [2, 5], [0.5f, -0.25f], scores);

        Assert.Equal((0.5f, -0.25f, -0.25f), (scores[2], scores[5], scores[0]));
        Assert.True(float.IsNaN(scores[silent]));
        FoldInScoreVector.Fill(model, [2], [0.5f], scores);
        Assert.Equal(0f, scores[0]);
        Assert.Throws<ArgumentException>(() => FoldInScoreVector.Fill(model, [silent + 1], [1f], scores));
    }

    // The planted data with one more item that nobody played.
    private static TrainingData WithSilentItem(TrainingData data, out int silent)
    {
        var m = data.Interactions;
        silent = m.Columns;
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
        for (var u = 0; u < m.Rows; u++)
        {
            var indices = m.RowIndices(u);
            var values = m.RowValues(u);
            for (var j = 0; j < indices.Length; j++) rows.Add(u);
            foreach (var i in indices) cols.Add(i);
            foreach (var v in values) vals.Add(v);
        }
        return TrainingData.FromMatrix(Encore.Core.Sparse.CsrMatrix.FromTriples(m.Rows, m.Columns + 1, [.. rows], [.. cols], [.. vals]));
    }
}
