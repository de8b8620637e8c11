using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Group;

namespace Encore.Models.Tests.Faults;

/// <summary>
/// Issue 12 item 2: a known user whose only events are skips, a history the model cannot use and a track
/// without signal all fall back along the cold-start chain and say so; a score of 0 from no evidence is
/// never presented as a recommendation (docs/cold-start.md).
/// </summary>
public sealed class NoSignalTests
{
    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void Recommend_KnownUserWithOnlySkips_FallsBackToPopularityAndSaysSo(string model)
    {
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Skipped()));

        var answer = chain.Recommend(new ColdStartRequest { UserId = "uskip" }, 3);

        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.True(answer.KnownWithoutSignal);
        Assert.False(answer.UnknownUser);
        Assert.Equal(["trare"], answer.Items); // thit was skipped (seen); tnone has no signal
        Assert.Equal([1f], answer.Scores);
    }

    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void RecommendBatch_UserWithoutSignal_GetsNoModelList(string model)
    {
        var trained = FaultWorlds.Train(model, FaultWorlds.Skipped());

        var batch = trained.Recommend([trained.Users.IndexOf("uskip")], 3);

        Assert.Equal(0, batch.Counts[0]);
    }

    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void Recommend_AnyUser_NeverPresentsZeroScoresOrNoSignalTracks(string model)
    {
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Skipped()));

        foreach (var user in new[] { "u1", "u2", "u3", "u4", "uskip", "stranger" })
        {
            var answer = chain.Recommend(new ColdStartRequest { UserId = user }, 3);
            Assert.DoesNotContain("tnone", answer.Items);
            Assert.All(answer.Scores, s => Assert.True(s != 0 && float.IsFinite(s), $"{model} {user}: score {s}"));
        }
    }

    [Theory]
    [InlineData("user-knn")]
    [InlineData("item-knn")]
    [InlineData("ease")]
    public void Recommend_FoldInWithoutEvidence_FallsBackToPopularityAndSaysSo(string model)
    {
        // trare's only listener has nothing else: the fold-in gives every other track 0.
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Skipped()));

        var answer = chain.Recommend(new ColdStartRequest { UserId = "guest", History = ["trare"] }, 6);

        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.True(answer.HistoryUnusable);
        Assert.Equal(["thit"], answer.Items);
    }

    [Theory]
    [InlineData("als")]
    [InlineData("bpr")]
    [InlineData("lmf")]
    [InlineData("warp")]
    [InlineData("item-knn")]
    public void Similar_TrackWithoutSignal_AnswersColdStart(string model)
    {
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Skipped()));

        var answer = chain.SimilarItems(chain.Model.Items.IndexOf("tnone"), 3);

        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.True(answer.ItemWithoutSignal);
        Assert.Equal(["thit", "trare"], answer.Items);
    }

    // trare's only listener heard nothing else, and thit's listeners nothing but thit: under item-kNN and EASE neither
    // has a neighbour, which answered an empty list on the model path (an EASE item left out by minimum-users did the same).
    [Theory]
    [InlineData("item-knn", "trare", "thit")]
    [InlineData("item-knn", "thit", "trare")]
    [InlineData("ease", "trare", "thit")]
    [InlineData("ease", "thit", "trare")]
    public void Similar_TrackWithSignalButNoNeighbour_AnswersPopularityAndSaysSo(string model, string track, string popular)
    {
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Skipped()));

        var answer = chain.SimilarItems(chain.Model.Items.IndexOf(track), 3);

        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.True(answer.ItemWithoutNeighbours);
        Assert.False(answer.ItemWithoutSignal);
        Assert.Equal([popular], answer.Items);
    }

    [Theory]
    [InlineData("als")]
    [InlineData("bpr")]
    [InlineData("lmf")]
    [InlineData("warp")]
    public void Similar_TrackWithSignal_NeverOffersNoSignalNeighbour(string model)
    {
        var trained = FaultWorlds.Train(model, FaultWorlds.Skipped());

        var (items, _) = ((ISimilarItems)trained).SimilarItems(trained.Items.IndexOf("thit"), 3);

        Assert.DoesNotContain(trained.Items.IndexOf("tnone"), items);
    }

    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void Group_MemberWithoutSignal_StandsInWithPopularity(string model)
    {
        var trained = FaultWorlds.Train(model, FaultWorlds.Skipped());
        var members = new[] { GroupMember.Known(trained.Users.IndexOf("uskip")) };

        var result = new GroupRecommender(trained).Recommend(members, 3);

        Assert.Equal([trained.Items.IndexOf("trare")], result.Items);
    }
}
