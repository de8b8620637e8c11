using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Neighbourhood;
using Encore.Models.Popularity;

namespace Encore.Models.Tests.ColdStart;

/// <summary>
/// alice {a, b}, bob {a, b, c}, carol {a, d}, dave {a, b, e}: popularity a 4, b 3, c 1, d 1, e 1.
/// Item-kNN cosine of c: with b 1/sqrt(3), with a 1/2, nothing else.
/// </summary>
public sealed class ColdStartRecommenderTests
{
    private static readonly TrainingData Data = new(
        CsrMatrix.FromTriples(4, 5, [0, 0, 1, 1, 1, 2, 2, 3, 3, 3], [0, 1, 0, 1, 2, 0, 3, 0, 1, 4], [1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f]),
        IdMap.FromIds(["alice", "bob", "carol", "dave"]),
        IdMap.FromIds(["a", "b", "c", "d", "e"]));

    // Plain cosine (no shrinkage), so the fold-in scores below are hand-worked cosines.
    private static ColdStartRecommender ItemKnn() => new(new ItemKnnTrainer(new ItemKnnOptions { Shrink = 0 }).Fit(Data));

    [Fact]
    public void Recommend_KnownUser_TakesModelPathAndExcludesSeen()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "carol" }, 3);
        Assert.Equal(RecommendationPath.Model, answer.Path);
        Assert.DoesNotContain("a", answer.Items);
        Assert.DoesNotContain("d", answer.Items);
        Assert.Empty(answer.UnknownItems);
    }

    [Fact]
    public void Recommend_KnownUserIncludingSeen_MayReturnSeenItems()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "carol", ExcludeSeen = false }, 5);
        Assert.Equal(RecommendationPath.Model, answer.Path);
        Assert.Contains("a", answer.Items);
    }

    [Fact]
    public void Recommend_KnownUserWithHistory_AlsoExcludesHistory()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "carol", History = ["b"] }, 5);
        Assert.Equal(RecommendationPath.Model, answer.Path);
        Assert.DoesNotContain("b", answer.Items);
    }

    [Fact]
    public void Recommend_HistoryAsSpotifyUri_ResolvesToTheBareId()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "zoe", History = ["spotify:track:c"] }, 2);
        Assert.Equal(RecommendationPath.FoldIn, answer.Path);
        Assert.Equal(["b", "a"], answer.Items);
        Assert.Empty(answer.UnknownItems);
    }

    [Fact]
    public void Recommend_UnknownUserWithHistory_FoldsIn()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "zoe", History = ["c"] }, 2);
        Assert.Equal(RecommendationPath.FoldIn, answer.Path);
        Assert.Equal(["b", "a"], answer.Items);
        Assert.Equal(1 / MathF.Sqrt(3), answer.Scores[0], 5);
        Assert.Equal(0.5f, answer.Scores[1], 5);
        Assert.True(answer.UnknownUser);
    }

    [Fact]
    public void Recommend_UnknownUserWithoutHistory_FallsBackToPopularity()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "zoe" }, 2);
        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.Equal(["a", "b"], answer.Items);
        Assert.Equal([4f, 3f], answer.Scores);
    }

    [Fact]
    public void Recommend_AnonymousWithOnlyUnknownTracks_FallsBackAndReportsThem()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { History = ["x", "y", "x"] }, 2);
        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.Equal(["a", "b"], answer.Items);
        Assert.Equal(["x", "y"], answer.UnknownItems);
    }

    [Fact]
    public void Recommend_ModelWithoutFoldIn_UsesPopularityMinusHistory()
    {
        var sut = new ColdStartRecommender(new NoFoldInModel(Data));
        var answer = sut.Recommend(new ColdStartRequest { UserId = "zoe", History = ["a", "zzz"] }, 2);
        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.Equal(["b", "c"], answer.Items);
        Assert.Equal(["zzz"], answer.UnknownItems);
    }

    [Fact]
    public void Recommend_UnknownExcludeAndAllowIds_AreReportedNotThrown()
    {
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "zoe", Exclude = ["a", "q"], Allow = ["a", "b", "c", "r"] }, 5);
        Assert.Equal(["b", "c"], answer.Items);
        Assert.Equal(["q", "r"], answer.UnknownItems);
    }

    /// <summary>x {a, b}, y {c}: item-kNN has no evidence for c or d for x (no co-listener), popularity has.</summary>
    private static ColdStartRecommender Disjoint() => new(new ItemKnnTrainer().Fit(new TrainingData(
        CsrMatrix.FromTriples(2, 4, [0, 0, 1], [0, 1, 2], [1f, 1f, 1f]),
        IdMap.FromIds(["x", "y"]),
        IdMap.FromIds(["a", "b", "c", "d"]))));

    [Fact]
    public void Recommend_KnownUserModelWithoutEvidence_PopularityAnswersAndSaysSo()
    {
        var answer = Disjoint().Recommend(new ColdStartRequest { UserId = "x" }, 3);
        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.True(answer.ModelWithoutEvidence);
        Assert.Equal(["c"], answer.Items);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("unknown-track")]
    public void Recommend_KnownUserAllowListLeavesNothing_EmptyModelAnswerNotAPopularityClaim(string allowed)
    {
        // The allow list (only a heard or an unknown track) leaves nothing: the model was asked, not popularity.
        var answer = ItemKnn().Recommend(new ColdStartRequest { UserId = "alice", Allow = [allowed] }, 3);
        Assert.Empty(answer.Items);
        Assert.Equal(RecommendationPath.Model, answer.Path);
        Assert.False(answer.ModelWithoutEvidence);
    }

    [Fact]
    public void Recommend_ManyUnseenUsers_NeverThrows()
    {
        var sut = ItemKnn();
        for (var i = 0; i < 50; i++)
        {
            var answer = sut.Recommend(new ColdStartRequest { UserId = $"new-{i}", History = i % 2 == 0 ? [$"t{i}", "e"] : null }, 3);
            Assert.NotEqual(RecommendationPath.Model, answer.Path);
            Assert.NotEmpty(answer.Items);
        }
    }

    [Fact]
    public void Recommend_HistoryValuesOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => ItemKnn().Recommend(new ColdStartRequest { History = ["a"], HistoryValues = [1f, 2f] }, 2));
    }

    [Fact]
    public void FallbackFor_SavedAndReloadedModel_IsDerivedFromItsTrainingMatrix()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-coldstart-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(new ItemKnnTrainer().Fit(Data), path);
            var fallback = ColdStartRecommender.FallbackFor(ModelLoader.Load(path));
            Assert.Equal([4f, 3f, 1f, 1f, 1f], fallback.ItemScores.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Constructor_ModelWithoutTrainingMatrix_NeedsExplicitFallback()
    {
        var bare = new BareModel(Data.Users, Data.Items);
        Assert.Throws<ArgumentException>(() => new ColdStartRecommender(bare));
        var sut = new ColdStartRecommender(bare, PopularityModel.FromData(Data));
        Assert.Equal(RecommendationPath.Popularity, sut.Recommend(new ColdStartRequest { UserId = "zoe" }, 1).Path);
    }

    /// <summary>Scores items by reverse index; no fold-in.</summary>
    private sealed class NoFoldInModel(TrainingData data) : RecommenderBase(data.Users, data.Items, data.Interactions)
    {
        public override string ModelName => "no-fold-in";

        protected override void ScoreAll(int user, Span<float> scores)
        {
            for (var i = 0; i < scores.Length; i++) scores[i] = -i;
        }

        public override void WritePayload(ModelWriter writer) => throw new NotSupportedException();
    }

    /// <summary>An IRecommender that keeps no training matrix.</summary>
    private sealed class BareModel(IdMap users, IdMap items) : IRecommender
    {
        public string ModelName => "bare";

        public IdMap Users => users;

        public IdMap Items => items;

        public RecommendationBatch Recommend(ReadOnlySpan<int> users, int k, RecommendOptions? options = null, CancellationToken cancellationToken = default) => new(users.Length, 0);

        public void Score(int user, ReadOnlySpan<int> items, Span<float> scores) => scores.Clear();

        public void WritePayload(ModelWriter writer) => throw new NotSupportedException();
    }
}
