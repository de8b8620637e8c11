using Encore.Data.Model;
using Encore.Online.Feedback;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Online.Tests.Feedback;

/// <summary>The per-user feedback that serving leaves out before the retrain (<see cref="UserFeedback"/>, <see cref="RecentFeedback"/>).</summary>
public sealed class RecentFeedbackTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static StoredEvent Event(string track, EventKind kind, long ms, string user = "u1") => new(null, user, track, kind, ms, null, null);

    [Fact]
    public void Avoid_ExcludeSeenGivesEveryTrack_OtherwiseOnlyTracksWhoseNewestEventIsASkipOrDislike()
    {
        var sut = UserFeedback.From([Event("played", EventKind.Play, 1), Event("skipped", EventKind.Skip, 2), Event("disliked", EventKind.Dislike, 3),
            Event("rated", EventKind.Rating, 4), Event("forgiven", EventKind.Skip, 5), Event("forgiven", EventKind.Like, 6)], limit: 100);
        Assert.Equal(["disliked", "forgiven", "played", "rated", "skipped"], sut.Avoid(excludeSeen: true).Order(StringComparer.Ordinal));
        Assert.Equal(["disliked", "skipped"], sut.Avoid(excludeSeen: false).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Add_OlderEventAfterANewerOne_DoesNotChangeTheVerdict()
    {
        // Events may arrive out of time order (a client's offline batch): the newest timestamp decides, ties the last added.
        var sut = UserFeedback.From([Event("t", EventKind.Like, 20), Event("t", EventKind.Skip, 10)], limit: 10);
        Assert.Empty(sut.Avoid(excludeSeen: false));
        sut.Add(Event("t", EventKind.Skip, 20));
        Assert.Equal(["t"], sut.Avoid(excludeSeen: false));
    }

    [Fact]
    public void Add_MoreTracksThanTheLimit_DropsTheOldestFirst()
    {
        var sut = new UserFeedback(limit: 4);
        for (var i = 0; i < 5; i++) sut.Add(Event($"t{i}", EventKind.Play, i));
        Assert.Equal(5, sut.Count); // within the quarter of slack
        sut.Add(Event("t5", EventKind.Play, 5));
        Assert.Equal(["t2", "t3", "t4", "t5"], sut.Avoid(excludeSeen: true).Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UserFeedback(0));
    }

    [Fact]
    public void Engine_IngestedSkip_IsHeldAndRebuiltFromTheStoreByANewEngine()
    {
        var time = new FakeTimeProvider(Now);
        var ms = Now.ToUnixTimeMilliseconds() - 1000;
        using var scope = new EngineScope(time: time);
        var recent = scope.Engine.Recommendations.Recent;
        Assert.Empty(recent.For("u1").Avoid(excludeSeen: true)); // read (empty) before the event
        scope.Engine.Feedback.Ingest(new FeedbackEvent { User = "u1", Track = "t1", Kind = "skip", Timestamp = ms });
        scope.Engine.Feedback.Ingest(new FeedbackEvent { User = "u2", Track = "t2", Kind = "play", Timestamp = ms });
        Assert.Equal(["t1"], recent.For("u1").Avoid(excludeSeen: false));
        Assert.Equal(["t2"], recent.For("u2").Avoid(excludeSeen: true));

        // A second view over the same store (a restart) reads the users from the store on first use.
        var rebuilt = new RecentFeedback(scope.Engine.Events, limit: 100);
        Assert.Equal(0, rebuilt.Users);
        Assert.Equal(["t1"], rebuilt.For("u1").Avoid(excludeSeen: false));
    }

    /// <summary>
    /// RecentFeedback held every user ever served, unbounded. Now at most MaxUsers are held: the least recently used are
    /// dropped, and a dropped user's feedback is read back from the store on their next use (nothing is lost).
    /// </summary>
    [Fact]
    public void For_MoreUsersThanTheBound_DropsTheLeastRecentlyUsedAndReadsThemBackFromTheStore()
    {
        var time = new FakeTimeProvider(Now);
        var ms = Now.ToUnixTimeMilliseconds() - 1000;
        using var scope = new EngineScope(time: time);
        var events = new List<FeedbackEvent>();
        for (var u = 0; u < 20; u++) events.Add(new FeedbackEvent { User = $"u{u}", Track = $"t{u}", Kind = "skip", Timestamp = ms });
        scope.Engine.Feedback.Ingest(events);
        var sut = new RecentFeedback(scope.Engine.Events, limit: 100, maxUsers: 8);

        var first = sut.For("u0");
        for (var u = 1; u < 20; u++)
        {
            Assert.Same(first, sut.For("u0")); // used all along: never the least recent, never dropped
            Assert.Equal([$"t{u}"], sut.For($"u{u}").Avoid(excludeSeen: false));
            Assert.InRange(sut.Users, 1, 8);
        }

        var again = sut.For("u1"); // dropped long ago: read back from the store
        Assert.Equal(["t1"], again.Avoid(excludeSeen: false));
        Assert.Same(again, sut.For("u1"));
        Assert.InRange(sut.Users, 1, 8);
    }

    /// <summary>
    /// Once ended with all 500 users held (CI, loaded machine): the evicting thread was held up while the others added
    /// users and then used its snapshot's oldest again, so it dropped none and gave up, and no new user was left to
    /// retry. Rounds make the interleaving likely; each ends within the bound.
    /// </summary>
    [Fact]
    public void For_ConcurrentUsersOverTheBound_HoldsTheBoundAndAnswersEveryone()
    {
        using var scope = new EngineScope();
        for (var round = 0; round < 20; round++)
        {
            var sut = new RecentFeedback(scope.Engine.Events, limit: 10, maxUsers: 50);
            Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => Assert.NotNull(sut.For($"u{i % 500}")));
            Assert.InRange(sut.Users, 1, 50);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentFeedback(scope.Engine.Events, limit: 10, maxUsers: 0));
    }

    [Fact]
    public void Engine_RecentFeedbackUsersSetting_BoundsTheServingView()
    {
        using var scope = new EngineScope(o => o with { RecentFeedbackUsers = 3 });
        var recent = scope.Engine.Recommendations.Recent;
        var events = new List<FeedbackEvent>();
        for (var u = 0; u < 10; u++) events.Add(new FeedbackEvent { User = $"u{u}", Track = "t", Kind = "play" });

        scope.Engine.Feedback.Ingest(events);

        Assert.Equal(3, recent.MaxUsers);
        Assert.InRange(recent.Users, 1, 3);
        Assert.Equal(RecentFeedback.DefaultMaxUsers, new OnlineOptions().RecentFeedbackUsers);
    }
}
