using Encore.Online.Bandits;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Bandits;

/// <summary>The online bandit over the Tiny world (audio features as track vectors) and its ALS model.</summary>
public sealed class BanditServiceTests : IDisposable
{
    private readonly EngineScope _scope;

    public BanditServiceTests() : this(o => o) { }

    private BanditServiceTests(Func<BanditOptions, BanditOptions> bandit)
    {
        _scope = new EngineScope(o => o with { Bandit = bandit(o.Bandit) }, baseDataset: World);
        _scope.Engine.Serve("main", TestWorld.AlsPath);
    }

    private static BaseDatasetSource World => new(() => TestWorld.World.Dataset);

    private BanditService Sut => _scope.Engine.Bandits;

    private static string User(int i) => TestWorld.Matrix.Users[i];

    private static List<string> Tracks(int n) => [.. Enumerable.Range(0, n).Select(i => TestWorld.Matrix.Items[i])];

    private IngestResult Feedback(string user, string track, string kind) =>
        _scope.Engine.Feedback.Ingest(new FeedbackEvent { User = user, Track = track, Kind = kind, Timestamp = 1_750_000_000_000 });

    [Fact]
    public void Next_KnownUser_ChoosesFromTheModelPoolWithValueAndUncertainty()
    {
        var pool = _scope.Engine.Recommendations.ForUser(new UserRecommendationRequest { User = User(0), K = 100 }).Items.Select(t => t.Track).ToHashSet();
        var next = Sut.Next(User(0), null);
        Assert.Contains(next.Track, pool);
        Assert.Equal("model", next.Path);
        Assert.Equal("linucb(alpha=1)", next.Policy);
        Assert.Equal(100, next.PoolSize + next.CandidatesWithoutVector);
        Assert.Equal("embedding:16+bias", next.Space); // the Tiny world carries a 16-wide embedding column
        Assert.Equal(("main", 0L), (next.Model, next.Round));
        // A fresh state: θ = 0, A⁻¹ = I, so the uncertainty is the vector's norm sqrt(1 + 1) (unit vector plus bias).
        Assert.Equal(0f, next.Value);
        Assert.Equal(MathF.Sqrt(2), next.Uncertainty, 4);
        Assert.True(next.ChoiceId > 0);
    }

    [Fact]
    public void Next_UnknownUser_PoolFromTheColdStartChainAndSaysSo()
    {
        var next = Sut.Next("brand-new-listener", null);
        Assert.Equal("popularity", next.Path);
        Assert.True(next.PoolSize > 0);
    }

    [Fact]
    public void Next_WithoutBaseDataset_ConflictNamesWhatIsMissing()
    {
        using var scope = new EngineScope();
        scope.Engine.Serve("main", TestWorld.AlsPath);
        var e = Assert.Throws<OnlineRequestException>(() => scope.Engine.Bandits.Next(User(0), null));
        Assert.Equal(RequestProblem.Conflict, e.Problem);
        Assert.Contains("dataset.base", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_CandidatesWithoutVectors_ConflictAndCountsSkippedOnes()
    {
        var e = Assert.Throws<OnlineRequestException>(() => Sut.Next(User(0), new NextTrackRequest { Candidates = ["no-such-track", "nor-this"] }));
        Assert.Equal(RequestProblem.Conflict, e.Problem);
        Assert.Contains("None of the 2 candidate tracks", e.Message, StringComparison.Ordinal);
        var track = TestWorld.Matrix.Items[3];
        var next = Sut.Next(User(0), new NextTrackRequest { Candidates = ["no-such-track", track] });
        Assert.Equal((track, 1, 1, "request"), (next.Track, next.PoolSize, next.CandidatesWithoutVector, next.Path));
    }

    [Fact]
    public void Next_BadInput_InvalidNamesTheField()
    {
        Assert.Equal("user", Assert.Throws<OnlineRequestException>(() => Sut.Next("", null)).Field);
        Assert.Equal("candidates", Assert.Throws<OnlineRequestException>(() => Sut.Next("u", new NextTrackRequest { Candidates = [] })).Field);
        Assert.Equal("poolSize", Assert.Throws<OnlineRequestException>(() => Sut.Next("u", new NextTrackRequest { PoolSize = 0 })).Field);
        Assert.Equal("candidates[1]", Assert.Throws<OnlineRequestException>(() => Sut.Next("u", new NextTrackRequest { Candidates = ["t1", "t\u00072"] })).Field);
        Assert.Equal("user", Assert.Throws<OnlineRequestException>(() => Sut.Next("u\u0000", null)).Field);
    }

    [Fact]
    public void Feedback_LikeOnServedTrack_UpdatesStateAndTheTracksUncertaintyDrops()
    {
        var first = Sut.Next(User(1), null);
        var result = Feedback(User(1), first.Track, "like");
        Assert.Equal(1, result.BanditUpdates);
        var again = Sut.Next(User(1), new NextTrackRequest { Candidates = [first.Track] });
        Assert.Equal(1, again.Round);
        Assert.True(again.Uncertainty < first.Uncertainty, $"{again.Uncertainty} < {first.Uncertainty}");
        Assert.True(again.Value > 0);
        var state = Sut.State(User(1));
        Assert.Equal((1L, 1.0, 2, 1), (state.Rounds, state.CumulativeReward, state.Served, state.Pending));
        Assert.Equal([1.0], state.Curve.Select(p => p.CumulativeReward));
        Assert.Equal(("like", 1.0), (state.Last[0].Feedback, state.Last[0].Reward));
    }

    [Fact]
    public void Feedback_NotServedDuplicateOrUnmappedKind_ChangesNothing()
    {
        var served = Sut.Next(User(2), null);
        var other = TestWorld.Matrix.Items[0];
        if (other == served.Track) other = TestWorld.Matrix.Items[1];
        Assert.Equal(0, Feedback(User(2), other, "like").BanditUpdates);
        Assert.Equal(0, _scope.Engine.Feedback.Ingest(new FeedbackEvent { User = User(2), Track = served.Track, Kind = "rating", Value = 5, Timestamp = 1_750_000_000_000 }).BanditUpdates);
        var e = new FeedbackEvent { EventId = "once", User = User(2), Track = served.Track, Kind = "skip", Timestamp = 1_750_000_000_000 };
        Assert.Equal(1, _scope.Engine.Feedback.Ingest(e).BanditUpdates);
        Assert.Equal(0, _scope.Engine.Feedback.Ingest(e).BanditUpdates);
        Assert.Equal(0, Feedback(User(2), served.Track, "like").BanditUpdates);
        var state = Sut.State(User(2));
        Assert.Equal((1L, 0.0), (state.Rounds, state.CumulativeReward));
    }

    [Fact]
    public void Feedback_RewardMappingIsConfigurable()
    {
        using var harsh = new BanditServiceTests(b => b with { Rewards = new BanditRewardOptions { Skip = -1 } });
        var served = harsh.Sut.Next(User(3), null);
        harsh.Feedback(User(3), served.Track, "skip");
        Assert.Equal(-1.0, harsh.Sut.State(User(3)).CumulativeReward);
        Assert.True(harsh.Sut.Next(User(3), new NextTrackRequest { Candidates = [served.Track] }).Value < 0);
    }

    [Fact]
    public void Next_WithoutFeedback_DoesNotRepeatRecentTracks()
    {
        var tracks = Enumerable.Range(0, 5).Select(_ => Sut.Next(User(4), null).Track).ToList();
        Assert.Equal(tracks.Count, tracks.Distinct().Count());
    }

    [Fact]
    public void Restart_SameStore_StateAndNextAnswerIdentical()
    {
        var candidates = Tracks(50);
        for (var round = 0; round < 6; round++)
        {
            var next = Sut.Next(User(5), new NextTrackRequest { Candidates = candidates });
            Feedback(User(5), next.Track, round % 2 == 0 ? "like" : "skip");
        }
        var before = Sut.State(User(5));
        var probe = new NextTrackRequest { Candidates = candidates };
        using var reopened = new OnlineEngine(_scope.Options, null, World);
        reopened.Serve("main", TestWorld.AlsPath);
        var after = reopened.Bandits.State(User(5));
        Assert.Equal((before.Rounds, before.CumulativeReward, before.Space, before.Dimension), (after.Rounds, after.CumulativeReward, after.Space, after.Dimension));
        Assert.Equal(before.Curve, after.Curve);
        Assert.Equal(before.Last, after.Last);
        var a = Sut.Next(User(5), probe);
        var b = reopened.Bandits.Next(User(5), probe);
        Assert.Equal((a.Track, a.Value, a.Uncertainty, a.Round), (b.Track, b.Value, b.Uncertainty, b.Round));
    }

    [Fact]
    public void Next_RewardLinearInTheVector_LinUcbLearnsToPickRewardedTracks()
    {
        // The planted reward: 1 when the track's first standardised audio feature is above its mean.
        var vectors = Sut.Vectors;
        var candidates = Tracks(40);
        var x = new float[vectors.Dimension];
        bool Good(string track) => vectors.TryCopy(track, x) && x[0] > 0;
        var goodShare = candidates.Count(Good) / (double)candidates.Count;
        var late = 0;
        for (var round = 0; round < 80; round++)
        {
            var next = Sut.Next("learner", new NextTrackRequest { Candidates = candidates });
            var good = Good(next.Track);
            if (round >= 50 && good) late++;
            Feedback("learner", next.Track, good ? "like" : "skip");
        }
        Assert.True(late / 30.0 > Math.Max(0.8, goodShare + 0.2), $"late hit rate {late / 30.0} vs share {goodShare}");
    }

    [Fact]
    public void Next_Thompson_SameSeedSameChoices()
    {
        var candidates = Tracks(30);
        using var a = new BanditServiceTests(b => b with { Policy = "thompson", Seed = 9 });
        using var b = new BanditServiceTests(b => b with { Policy = "thompson", Seed = 9 });
        for (var round = 0; round < 5; round++)
        {
            var x = a.Sut.Next("t", new NextTrackRequest { Candidates = candidates });
            var y = b.Sut.Next("t", new NextTrackRequest { Candidates = candidates });
            Assert.Equal((x.Track, x.Policy), (y.Track, y.Policy));
            a.Feedback("t", x.Track, "like");
            b.Feedback("t", y.Track, "like");
        }
    }

    public void Dispose() => _scope.Dispose();
}
