using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Group;

namespace Encore.Models.Tests.Faults;

/// <summary>
/// Issue 12 items 1 and 2 for the content model (affinity), on <see cref="FaultWorlds.Content"/>: a disliked
/// track (total -1) never shapes a profile or becomes a positive label, so it is never recommended, served to
/// newcomers or chosen for a group; a user whose only event is a skip falls back to popularity and says so;
/// a score from no evidence is never presented.
/// </summary>
public sealed class ContentFaultTests
{
    private static readonly Lazy<IRecommender> Trained = new(() => FaultWorlds.Train(FaultWorlds.ContentModel, FaultWorlds.Content()));

    [Theory]
    [InlineData("u6", true)]
    [InlineData("u7", true)]
    [InlineData("u0", false)]
    [InlineData("u3", false)]
    public void Recommend_DislikedTrack_NeverRecommended(string user, bool excludeSeen)
    {
        var chain = new ColdStartRecommender(Trained.Value);

        var answer = chain.Recommend(new ColdStartRequest { UserId = user, ExcludeSeen = excludeSeen }, 3);

        Assert.Equal(RecommendationPath.Model, answer.Path);
        Assert.DoesNotContain("tbad", answer.Items);
        Assert.DoesNotContain(0f, answer.Scores);
    }

    [Fact]
    public void Recommend_Newcomer_NeverGetsTheDislikedTrack()
    {
        var chain = new ColdStartRecommender(Trained.Value);

        var answer = chain.Recommend(new ColdStartRequest { UserId = "newcomer" }, 20);

        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.DoesNotContain("tbad", answer.Items);
        Assert.DoesNotContain("tnone", answer.Items);
        Assert.Equal(0f, ColdStartRecommender.FallbackFor(Trained.Value).ItemScores[Trained.Value.Items.IndexOf("tbad")]);
    }

    [Fact]
    public void Recommend_UserWithOnlyASkip_FallsBackToPopularityAndSaysSo()
    {
        var trained = Trained.Value;
        var chain = new ColdStartRecommender(trained);

        var answer = chain.Recommend(new ColdStartRequest { UserId = "uskip" }, 3);
        var batch = trained.Recommend([trained.Users.IndexOf("uskip")], 3);

        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.True(answer.KnownWithoutSignal);
        Assert.DoesNotContain("t0", answer.Items); // skipped: seen
        Assert.Equal(0, batch.Counts[0]);
    }

    [Fact]
    public void Recommend_AnyUser_NeverPresentsZeroScoresOrTracksWithoutContentOrSignal()
    {
        var chain = new ColdStartRecommender(Trained.Value);

        foreach (var user in Trained.Value.Users.Ids.Append("stranger"))
        {
            var answer = chain.Recommend(new ColdStartRequest { UserId = user }, 5);
            Assert.DoesNotContain("tnone", answer.Items);
            Assert.All(answer.Scores, s => Assert.True(s != 0 && float.IsFinite(s), $"{user}: score {s}"));
        }
    }

    [Fact]
    public void FoldIn_HistoryOfOnlyADislike_IsUnusable()
    {
        var chain = new ColdStartRecommender(Trained.Value);

        var answer = chain.Recommend(new ColdStartRequest { UserId = "guest", History = ["tbad"], HistoryValues = [-1f] }, 3);

        Assert.NotEqual(RecommendationPath.FoldIn, answer.Path);
        Assert.DoesNotContain("tbad", answer.Items);
    }

    public static TheoryData<GroupStrategy> Strategies => [.. Enum.GetValues<GroupStrategy>()];

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Group_DislikedTrack_NeverChosen(GroupStrategy strategy)
    {
        var trained = Trained.Value;
        var members = new[] { GroupMember.Known(trained.Users.IndexOf("u6")), GroupMember.Known(trained.Users.IndexOf("u1")) };

        var result = new GroupRecommender(trained, new GroupOptions { Strategy = strategy })
            .Recommend(members, 3, new RecommendOptions { ExcludeSeen = false });

        Assert.DoesNotContain(trained.Items.IndexOf("tbad"), result.Items);
    }
}
