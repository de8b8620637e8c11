using Encore.Online.Feedback;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Online.Tests.Feedback;

public sealed class FeedbackServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static FeedbackEvent Play(string id, string user = "u1", string track = "t1") =>
        new() { EventId = id, User = user, Track = track, Kind = "play", Timestamp = Now.ToUnixTimeMilliseconds() - 1000 };

    [Fact]
    public void Ingest_RepeatedClientId_ReportsDuplicateAndStoresOnce()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));
        var sut = scope.Engine.Feedback;

        var first = sut.Ingest(Play("e1"));
        var second = sut.Ingest(Play("e1"));

        Assert.Equal(EventOutcome.Accepted, first.Outcomes[0]);
        Assert.Equal(EventOutcome.Duplicate, second.Outcomes[0]);
        Assert.Equal(1, scope.Engine.Events.Count());
    }

    [Fact]
    public void Ingest_BatchWithRepeatInside_AcceptsFirstOnly()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));

        var result = scope.Engine.Feedback.Ingest([Play("a"), Play("b"), Play("a")]);

        Assert.Equal([EventOutcome.Accepted, EventOutcome.Accepted, EventOutcome.Duplicate], result.Outcomes);
        Assert.Equal(2, result.Accepted);
        Assert.Equal(1, result.Duplicates);
    }

    [Fact]
    public void Ingest_EventsWithoutClientId_AreAllStored()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));

        scope.Engine.Feedback.Ingest([Play(null!), Play(null!)]);

        Assert.Equal(2, scope.Engine.Events.Count());
    }

    [Fact]
    public void Ingest_OneInvalidEventInBatch_StoresNothingAndNamesField()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));
        var bad = Play("b") with { Kind = "listen" };

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Feedback.Ingest([Play("a"), bad]));

        Assert.Equal("events[1].kind", ex.Field);
        Assert.Contains("'listen' is not a known kind", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, scope.Engine.Events.Count());
    }

    [Theory]
    [InlineData("user", "")]
    [InlineData("track", "   ")]
    public void Ingest_EmptyId_IsRejected(string field, string value)
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));
        var e = field == "user" ? Play("x") with { User = value } : Play("x") with { Track = value };

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Feedback.Ingest(e));

        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData(1_700_000_000L)] // seconds, not milliseconds
    [InlineData(1_748_865_600_000L)] // 2025-06-02T12:00Z: one day past the fake now + a bit
    public void Ingest_TimestampOutsideRange_IsRejected(long timestamp)
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Feedback.Ingest(Play("x") with { Timestamp = timestamp + 1 }));

        Assert.Equal("timestamp", ex.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(101.0)]
    [InlineData(-1.0)]
    public void Ingest_RatingWithoutOrOutOfRangeValue_IsRejected(double? value)
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Feedback.Ingest(Play("x") with { Kind = "rating", Value = value }));

        Assert.Equal("value", ex.Field);
    }

    [Fact]
    public void Ingest_MissingTimestamp_UsesServerTime()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));

        scope.Engine.Feedback.Ingest(Play("x") with { Timestamp = null });

        Assert.Equal(Now.ToUnixTimeMilliseconds(), scope.Engine.Events.ReadAll()[0].TimestampMs);
    }

    [Fact]
    public void Ingest_AcceptedEvents_SurviveReopen()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));
        scope.Engine.Feedback.Ingest([Play("a", "u1", "t1"), Play("b", "u2", "t2") with { Kind = "like" }]);

        using var reopened = scope.Reopen();
        var events = reopened.Events.ReadAll();

        Assert.Equal(2, events.Count);
        Assert.Equal(("u2", "t2", Encore.Data.Model.EventKind.Like), (events[1].User, events[1].Track, events[1].Kind));
    }

    [Fact]
    public void Ingest_TooLargeBatch_IsRejected()
    {
        using var scope = new EngineScope(o => o with { MaxBatchSize = 2 }, new FakeTimeProvider(Now));

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Feedback.Ingest([Play("a"), Play("b"), Play("c")]));

        Assert.Contains("at most 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateThenStore_InvalidBatch_ThrowsBeforeAnythingIsWritten()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));
        var sut = scope.Engine.Feedback;

        var error = Assert.Throws<Encore.Online.OnlineRequestException>(() => sut.Validate([Play("a"), Play("b") with { Kind = "shout" }], isBatch: true));

        Assert.Equal("events[1].kind", error.Field);
        Assert.Equal(0, scope.Engine.Events.Count());
    }

    [Fact]
    public void ValidateThenStore_ValidBatch_SameOutcomesAsIngest()
    {
        using var scope = new EngineScope(time: new FakeTimeProvider(Now));
        var sut = scope.Engine.Feedback;
        sut.Ingest(Play("a"));

        var result = sut.Store(sut.Validate([Play("a"), Play("b"), Play("b")], isBatch: true));

        Assert.Equal([EventOutcome.Duplicate, EventOutcome.Accepted, EventOutcome.Duplicate], result.Outcomes);
        Assert.Equal((1, 2), (result.Accepted, result.Duplicates));
        Assert.Equal(2, scope.Engine.Events.Count());
        Assert.Equal(2, sut.AcceptedCount);
    }
}
