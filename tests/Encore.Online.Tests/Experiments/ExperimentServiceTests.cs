using Encore.Online.Experiments;
using Encore.Online.Feedback;
using Encore.Online.Serving;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Online.Tests.Experiments;

/// <summary>Experiments through the engine: persisted life cycle, serving by variant, automatic attribution, promotion.</summary>
public sealed class ExperimentServiceTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly EngineScope _scope;

    public ExperimentServiceTests()
    {
        _scope = new EngineScope(time: _clock);
        _scope.Engine.Serve("main", TestWorld.AlsPath);
        _scope.Engine.Serve("candidate", TestWorld.KnnPath);
    }

    private ExperimentService Sut => _scope.Engine.Experiments;

    private static string User(int i) => TestWorld.Matrix.Users[i];

    private static AbExperiment Experiment(string name = "als-vs-knn") => new()
    {
        Name = name,
        Variants = [new AbVariant("control", 0.5, Model: "main"), new AbVariant("treatment", 0.5, Model: "candidate")],
    };

    private IngestResult Feedback(string user, string track, string kind) =>
        _scope.Engine.Feedback.Ingest(new FeedbackEvent { User = user, Track = track, Kind = kind, Timestamp = _clock.GetUtcNow().ToUnixTimeMilliseconds() + 60_000 });

    [Fact]
    public void Recommend_NoExperiment_IsThePlainAnswerWithoutTag()
    {
        var request = new UserRecommendationRequest { User = User(0), K = 5 };
        var plain = _scope.Engine.Recommendations.ForUser(request);
        var served = Sut.Recommend(request);
        Assert.Null(served.Experiment);
        Assert.Equal(plain.Items, served.Items);
        Assert.Null(Sut.Assign(request));
    }

    [Fact]
    public void Recommend_Running_AnswersFromTheUsersVariantAndRecordsTheList()
    {
        Sut.Create(Experiment());
        Assert.Null(Sut.Running);
        Sut.Start("als-vs-knn");
        var seen = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var request = new UserRecommendationRequest { User = User(i), K = 5 };
            var served = Sut.Recommend(request);
            var tag = served.Experiment!;
            var variant = Experiment().Variants[AbAssignment.Assign(Experiment(), User(i))];
            Assert.Equal(("als-vs-knn", variant.Name, variant.Model), (tag.Experiment, tag.Variant, served.Model));
            Assert.Equal(_scope.Engine.Recommendations.ForUser(request with { Model = variant.Model }).Items, served.Items);
            seen.Add(tag.Variant);
        }
        Assert.Equal(["control", "treatment"], seen.Order());
        Assert.Equal(20, _scope.Engine.Store.Experiments.Lists("als-vs-knn").Count);
        // An explicit model bypasses the experiment.
        Assert.Null(Sut.Recommend(new UserRecommendationRequest { User = User(0), K = 5, Model = "main" }).Experiment);
    }

    [Fact]
    public void Feedback_OnAShownTrack_IsAttributedWithoutACallAndSurvivesARestart()
    {
        Sut.Create(Experiment());
        Sut.Start("als-vs-knn");
        var served = Sut.Recommend(new UserRecommendationRequest { User = User(1), K = 5 });
        Feedback(User(1), served.Items[0].Track, "play");
        Feedback(User(1), served.Items[0].Track, "like");
        Feedback(User(1), served.Items[1].Track, "skip");
        Feedback(User(1), "not-shown", "play");
        var report = Sut.Report("als-vs-knn");
        var metrics = report.Variants.Single(v => v.Variant == served.Experiment!.Variant);
        Assert.Equal((1, 5L, 1L, 1L, 1L), (metrics.Users, metrics.Impressions, metrics.Plays, metrics.Likes, metrics.Skips));
        Assert.Equal(0.2, metrics.PlayRate.Value, 12);
        Assert.Equal(0.2, metrics.Reward.Value, 12); // played and liked: reward 1; skipped: 0
        Assert.Equal(4, report.Comparisons.Count);

        using var restarted = new OnlineEngine(_scope.Options, _clock);
        restarted.Serve("main", TestWorld.AlsPath);
        Assert.Equal("als-vs-knn", restarted.Experiments.Running!.Name);
        Assert.Equal(report.Variants, restarted.Experiments.Report("als-vs-knn").Variants);
    }

    [Fact]
    public void Promote_ActivatesTheVariantsModelAsDefaultAndEndsTheExperiment()
    {
        Sut.Create(Experiment());
        Sut.Start("als-vs-knn");
        var (record, served) = Sut.Promote("als-vs-knn", "treatment");
        Assert.Equal((ExperimentState.Promoted, "treatment"), (record.State, record.PromotedVariant));
        Assert.Equal(("main", TestWorld.KnnPath), (served.Name, served.Path));
        Assert.Equal(TestWorld.KnnPath, _scope.Engine.Registry.Active("main")!.Path);
        Assert.Null(Sut.Running);
        Assert.Null(Sut.Recommend(new UserRecommendationRequest { User = User(0), K = 5 }).Experiment);
    }

    [Fact]
    public void Create_NullVariantOrBadName_InvalidNamingTheBodyField()
    {
        var nullVariant = Assert.Throws<OnlineRequestException>(() => Sut.Create(Experiment() with { Variants = [null!, new AbVariant("b", 1, Model: "main")] }));
        var badName = Assert.Throws<OnlineRequestException>(() => Sut.Create(Experiment("a b")));
        var noVariant = Assert.Throws<OnlineRequestException>(() => Sut.Promote("als-vs-knn", null));

        Assert.Equal((RequestProblem.Invalid, "variants"), (nullVariant.Problem, nullVariant.Field));
        Assert.Equal("experiment 'als-vs-knn': variants[0] is null; expected {\"name\", \"share\", \"model\"} or {\"name\", \"share\", \"policy\"}.", nullVariant.Message);
        Assert.Equal((RequestProblem.Invalid, "name"), (badName.Problem, badName.Field));
        Assert.Equal((RequestProblem.Invalid, "variant"), (noVariant.Problem, noVariant.Field));
    }

    [Fact]
    public void LifeCycle_WrongStepsAnswerWithTheRightProblem()
    {
        Assert.Equal(RequestProblem.NotFound, Assert.Throws<OnlineRequestException>(() => Sut.Start("nope")).Problem);
        Assert.Equal(RequestProblem.Invalid, Assert.Throws<OnlineRequestException>(() => Sut.Create(Experiment() with { Variants = [new AbVariant("a", 1, Model: "main")] })).Problem);
        Assert.Equal(RequestProblem.Invalid, Assert.Throws<OnlineRequestException>(() => Sut.Create(Experiment() with
        {
            Variants = [new AbVariant("a", 0.5, Model: "main"), new AbVariant("b", 0.5, Policy: "linucb")],
        })).Problem);
        Sut.Create(Experiment());
        Assert.Equal(RequestProblem.Conflict, Assert.Throws<OnlineRequestException>(() => Sut.Create(Experiment())).Problem);
        Assert.Equal(RequestProblem.Conflict, Assert.Throws<OnlineRequestException>(() => Sut.Stop("als-vs-knn")).Problem);
        _scope.Engine.Registry.Register("idle", TestWorld.KnnPath); // registered, never activated
        Sut.Create(Experiment("inactive-model") with { Variants = [new AbVariant("a", 0.5, Model: "main"), new AbVariant("b", 0.5, Model: "idle")] });
        Assert.Equal(RequestProblem.NotFound, Assert.Throws<OnlineRequestException>(() => Sut.Start("inactive-model")).Problem);
        Sut.Start("als-vs-knn");
        Sut.Create(Experiment("second"));
        Assert.Equal(RequestProblem.Conflict, Assert.Throws<OnlineRequestException>(() => Sut.Start("second")).Problem);
        Assert.Equal(RequestProblem.NotFound, Assert.Throws<OnlineRequestException>(() => Sut.Promote("als-vs-knn", "nope")).Problem);
        Assert.Equal(ExperimentState.Stopped, Sut.Stop("als-vs-knn").State);
        Assert.Equal(RequestProblem.Conflict, Assert.Throws<OnlineRequestException>(() => Sut.Start("als-vs-knn")).Problem);
        Assert.Equal(RequestProblem.Invalid, Assert.Throws<OnlineRequestException>(() => Sut.Report("als-vs-knn", alpha: 1.5)).Problem);
    }

    [Fact]
    public void Create_UnregisteredModel_NotFoundNamingTheModelAndNothingStored()
    {
        var refused = Assert.Throws<OnlineRequestException>(() => Sut.Create(Experiment() with
        {
            Variants = [new AbVariant("control", 0.5, Model: "main"), new AbVariant("treatment", 0.5, Model: "typo")],
        }));

        Assert.Equal((RequestProblem.NotFound, "variants"), (refused.Problem, refused.Field));
        Assert.Equal("variant 'treatment': no model named 'typo' is registered (registered: candidate, main; see GET /api/models).", refused.Message);
        Assert.Empty(Sut.List());
    }

    [Fact]
    public void Replace_Draft_CorrectsTheVariantsAndChecksThemAsAtCreation()
    {
        var created = Sut.Create(Experiment());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var corrected = Experiment() with { Salt = "s2", Variants = [new AbVariant("control", 0.3, Model: "main"), new AbVariant("knn", 0.7, Model: "candidate")] };

        var replaced = Sut.Replace("als-vs-knn", corrected with { Name = "" });
        var unknown = Assert.Throws<OnlineRequestException>(() => Sut.Replace("als-vs-knn", Experiment() with
        {
            Variants = [new AbVariant("control", 0.5, Model: "main"), new AbVariant("treatment", 0.5, Model: "typo")],
        }));
        var renamed = Assert.Throws<OnlineRequestException>(() => Sut.Replace("als-vs-knn", Experiment("other")));
        var missing = Assert.Throws<OnlineRequestException>(() => Sut.Replace("nope", Experiment("nope")));

        Assert.Equal(("als-vs-knn", "s2", ExperimentState.Draft, created.CreatedMs), (replaced.Name, replaced.Experiment.Salt, replaced.State, replaced.CreatedMs));
        Assert.Equal(corrected.Variants, Sut.Get("als-vs-knn").Experiment.Variants);
        Assert.Equal((RequestProblem.NotFound, "variants"), (unknown.Problem, unknown.Field));
        Assert.Contains("'typo'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((RequestProblem.Invalid, "name"), (renamed.Problem, renamed.Field));
        Assert.Equal(RequestProblem.NotFound, missing.Problem);
        Assert.Equal(corrected.Variants, Sut.Get("als-vs-knn").Experiment.Variants); // the refused corrections changed nothing
    }

    [Fact]
    public void Delete_Draft_RemovesItAndAStartedExperimentStays()
    {
        Sut.Create(Experiment());
        Sut.Create(Experiment("started"));
        Sut.Start("started");

        Sut.Delete("als-vs-knn");
        var running = Assert.Throws<OnlineRequestException>(() => Sut.Delete("started"));
        var replaceRunning = Assert.Throws<OnlineRequestException>(() => Sut.Replace("started", Experiment("started")));
        var missing = Assert.Throws<OnlineRequestException>(() => Sut.Delete("als-vs-knn"));

        Assert.Equal(["started"], Sut.List().Select(e => e.Name));
        Assert.Equal((RequestProblem.Conflict, "experiment 'started' is running; only a draft can be deleted (its lists and feedback stay for the report)."), (running.Problem, running.Message));
        Assert.Equal(RequestProblem.Conflict, replaceRunning.Problem);
        Assert.Equal(RequestProblem.NotFound, missing.Problem);
    }

    public void Dispose() => _scope.Dispose();
}
