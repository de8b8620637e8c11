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
}
