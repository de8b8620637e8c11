using Encore.Online.Feedback;
using Encore.Online.Retraining;

namespace Encore.Online.Tests.Retraining;

public sealed class RetrainServiceTests
{
    private static EngineScope Scope(bool withBase) => new(
        o => o with { Retrain = new RetrainOptions { Factors = 8, Iterations = 5, EvaluationUsers = 50 } },
        baseDataset: withBase ? new BaseDatasetSource(() => TestWorld.World.Dataset) : new BaseDatasetSource((string?)null));

    [Fact]
    public void RetrainNow_NoActiveModel_ActivatesCandidate()
    {
        using var scope = Scope(withBase: true);

        var result = scope.Engine.Retrain.RetrainNow("main");

        Assert.True(result.Activated);
        Assert.Equal(1, result.Version);
        Assert.Null(result.ActiveNdcg);
        Assert.InRange(result.CandidateNdcg, 0.0, 1.0);
        Assert.Equal(TestWorld.Matrix.Users.Count, result.Users);
        Assert.Equal(1, scope.Engine.Registry.Active("main")!.Version);
        Assert.StartsWith("retrain: holdout NDCG@10", scope.Engine.Registry.List("main")[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrainNow_WithActiveModel_ComparesOnSameSplit()
    {
        using var scope = Scope(withBase: true);
        scope.Engine.Serve("main", TestWorld.AlsPath);

        var result = scope.Engine.Retrain.RetrainNow("main");

        Assert.NotNull(result.ActiveNdcg);
        Assert.Equal(result.Activated, result.CandidateNdcg >= result.ActiveNdcg);
        Assert.Equal(result.Activated ? 2 : 1, scope.Engine.Registry.Active("main")!.Version);
    }

    [Fact]
    public void RetrainNow_StoredEventsOnly_TrainsOnThem()
    {
        using var scope = Scope(withBase: false);
        var events = new List<FeedbackEvent>();
        for (var u = 0; u < 20; u++)
            for (var t = 0; t < 10; t++)
                events.Add(new FeedbackEvent { User = $"u{u}", Track = $"t{(u % 4) * 10 + t}", Kind = "play" });
        scope.Engine.Feedback.Ingest(events);

        var result = scope.Engine.Retrain.RetrainNow("main");

        Assert.True(result.Activated);
        Assert.Equal((20, 40, 200L), (result.Users, result.Tracks, result.Interactions));
        Assert.False(scope.Engine.Retrain.HasNewEvents);
    }

    [Fact]
    public void RetrainNow_NothingToTrainOn_IsConflict()
    {
        using var scope = Scope(withBase: false);

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Retrain.RetrainNow("main"));

        Assert.Equal(RequestProblem.Conflict, ex.Problem);
    }

    [Fact]
    public void Build_WeightsAndConfidence_FollowOptions()
    {
        var events = new List<StoredEvent>
        {
            new(null, "a", "x", Encore.Data.Model.EventKind.Play, 0, null, null),
            new(null, "a", "x", Encore.Data.Model.EventKind.Like, 0, null, null),
            new(null, "a", "y", Encore.Data.Model.EventKind.Skip, 0, null, null),
            new(null, "b", "y", Encore.Data.Model.EventKind.Dislike, 0, null, null),
        };
        var options = new RetrainOptions { Confidence = "none", Weights = new EventWeightOptions { Dislike = -1 } };

        var m = TrainingSetBuilder.Build(events, null, options);

        Assert.Equal(2f, m.Matrix.Get(m.Users.IndexOf("a"), m.Items.IndexOf("x")));
        Assert.Equal(0f, m.Matrix.Get(m.Users.IndexOf("a"), m.Items.IndexOf("y")));
        Assert.Equal(-1f, m.Matrix.Get(m.Users.IndexOf("b"), m.Items.IndexOf("y")));
    }
}
