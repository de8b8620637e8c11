using Encore.Data.Aggregation;
using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Group;

namespace Encore.Models.Tests.Faults;

/// <summary>
/// Issue 12 item 1: a negative aggregated value (a dislike weighted -1) is never a positive signal, for any
/// model, any confidence transform, the cold-start chain or a group strategy (docs/aggregation.md).
/// </summary>
public sealed class SignedFeedbackTests
{
    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void Recommend_DislikedTrack_NeverRecommendedToKnownUser(string model)
    {
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Disliked()));

        var answer = chain.Recommend(new ColdStartRequest { UserId = "u4" }, 3);

        Assert.DoesNotContain("tbad", answer.Items);
        Assert.DoesNotContain(0f, answer.Scores);
    }

    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void Recommend_DislikedTrack_NeverServedToNewcomer(string model)
    {
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Disliked()));

        var answer = chain.Recommend(new ColdStartRequest { UserId = "newcomer" }, 3);

        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.Equal(["t1", "t2"], answer.Items); // two listeners each; tbad (three dislikes) never
    }

    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void Recommend_IncludingSeen_DislikedTrackStillNoSignal(string model)
    {
        var chain = new ColdStartRecommender(FaultWorlds.Train(model, FaultWorlds.Disliked()));

        var answer = chain.Recommend(new ColdStartRequest { UserId = "u1", ExcludeSeen = false }, 3);

        Assert.DoesNotContain("tbad", answer.Items);
    }

    public static TheoryData<string> Transforms => ["none", "linear", "log", "log1p", "bm25", "tfidf"];

    [Theory]
    [MemberData(nameof(Transforms))]
    public void Confidence_NegativeTotal_StaysNonPositive(string name)
    {
        var transform = name switch
        {
            "linear" => ConfidenceTransform.Linear(0.5),
            "log" => ConfidenceTransform.Log(),
            "log1p" => ConfidenceTransform.LogPlusOne,
            "bm25" => ConfidenceTransform.Bm25(),
            "tfidf" => ConfidenceTransform.TfIdf,
            _ => ConfidenceTransform.None,
        };

        var data = FaultWorlds.Disliked(transform);

        var tbad = data.Items.IndexOf("tbad");
        for (var u = 0; u < data.UserCount; u++)
            Assert.True(data.Interactions.Get(u, tbad) <= 0, $"{name}: user {data.Users[u]} has {data.Interactions.Get(u, tbad)} for tbad");
        Assert.Equal(0, data.Signal.Transpose().RowLength(tbad));
    }

    [Theory]
    [MemberData(nameof(FaultWorlds.Models), MemberType = typeof(FaultWorlds))]
    public void Popularity_OfAnyModel_CountsOnlyPositiveTotals(string model)
    {
        var fallback = ColdStartRecommender.FallbackFor(FaultWorlds.Train(model, FaultWorlds.Disliked()));

        Assert.Equal([2f, 2f, 0f], fallback.ItemScores.ToArray());
    }

    public static TheoryData<string, GroupStrategy> ModelsAndStrategies()
    {
        var data = new TheoryData<string, GroupStrategy>();
        foreach (var model in FaultWorlds.ModelNames)
            foreach (var strategy in Enum.GetValues<GroupStrategy>())
                data.Add(model, strategy);
        return data;
    }

    [Theory]
    [MemberData(nameof(ModelsAndStrategies))]
    public void Group_DislikedTrack_NeverRecommended(string model, GroupStrategy strategy)
    {
        var trained = FaultWorlds.Train(model, FaultWorlds.Disliked());
        var members = new[] { GroupMember.Known(trained.Users.IndexOf("u4")), GroupMember.Known(trained.Users.IndexOf("u2")) };

        var result = new GroupRecommender(trained, new GroupOptions { Strategy = strategy })
            .Recommend(members, 3, new RecommendOptions { ExcludeSeen = false });

        Assert.DoesNotContain(trained.Items.IndexOf("tbad"), result.Items);
    }
}
