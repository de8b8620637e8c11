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
}
