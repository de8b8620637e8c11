using Encore.Core.Sparse;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using static Encore.Data.Tests.Aggregation.AggregationFixtures;

namespace Encore.Data.Tests.Aggregation;

public class InteractionAggregatorTests
{
    [Fact]
    public void Aggregate_DefaultWeights_LikeAndPlayAddOneOthersDropped()
    {
        var sut = InteractionAggregator.Aggregate(MixedKinds(), Users(2), Items(3));

        Assert.Equal(2, sut.Matrix.Rows);
        Assert.Equal(3, sut.Matrix.Columns);
        Assert.Equal(2, sut.Matrix.NonZeros);
        Assert.Equal(2f, sut.Matrix.Get(0, 0));
        Assert.Equal(2f, sut.Matrix.Get(1, 2));
    }

    [Fact]
    public void Aggregate_KeepZeroScores_SkipOnlyPairsStoredAsZero()
    {
        var sut = InteractionAggregator.Aggregate(MixedKinds(), Users(2), Items(3), new AggregationOptions { KeepZeroScores = true });

        Assert.Equal(4, sut.Matrix.NonZeros);
        Assert.Equal([0, 1], sut.Matrix.RowIndices(0).ToArray());
        Assert.Equal([0f, 2f], sut.Matrix.RowValues(1).ToArray());
    }

    [Fact]
    public void Aggregate_CustomWeights_NegativeAndCancellingTotals()
    {
        var b = new EventTableBuilder();
        b.Add(0, 0, EventKind.Like);
        b.Add(0, 0, EventKind.Dislike);
        b.Add(0, 1, EventKind.Like);
        b.Add(0, 2, EventKind.Dislike);
        var weights = EventKindWeights.Default.With(EventKind.Like, 2f).With(EventKind.Dislike, -2f);

        var sut = InteractionAggregator.Aggregate(b.Build(), Users(1), Items(3), new AggregationOptions { Weights = weights });

        Assert.Equal([1, 2], sut.Matrix.RowIndices(0).ToArray());
        Assert.Equal([2f, -2f], sut.Matrix.RowValues(0).ToArray());
    }

    [Fact]
    public void Aggregate_UseEventValue_SumsValuesAndMissingCountsOne()
    {
        var b = new EventTableBuilder();
        b.Add(0, 0, EventKind.Play, value: 5f);
        b.Add(0, 0, EventKind.Play, value: 3f);
        b.Add(0, 1, EventKind.Play);
        b.Add(0, 1, EventKind.Skip, value: 7f);

        var sut = InteractionAggregator.Aggregate(b.Build(), Users(1), Items(2), new AggregationOptions { UseEventValue = true });

        Assert.Equal([8f, 1f], sut.Matrix.RowValues(0).ToArray());
    }

    [Fact]
    public void Aggregate_TimeDecay_HalvesPerHalfLife()
    {
        var t0 = 1_700_000_000_000L;
        var b = new EventTableBuilder();
        b.Add(0, 0, EventKind.Play, timestamp: t0);
        b.Add(0, 1, EventKind.Play, timestamp: t0 + 2 * Day);
        b.Add(0, 2, EventKind.Play);
        b.Add(0, 3, EventKind.Play, timestamp: t0 + 5 * Day);
        var options = new AggregationOptions { Decay = new TimeDecay(1.0, t0 + 2 * Day) };

        var sut = InteractionAggregator.Aggregate(b.Build(), Users(1), Items(4), options);

        Assert.Equal(0.25f, sut.Matrix.Get(0, 0), 6);
        Assert.Equal(1f, sut.Matrix.Get(0, 1));
        Assert.Equal(1f, sut.Matrix.Get(0, 2));
        Assert.Equal(1f, sut.Matrix.Get(0, 3));
    }

    [Theory]
    [InlineData(RatingMode.Raw, 90f, 50f)]
    [InlineData(RatingMode.Binary, 1f, 0f)]
    [InlineData(RatingMode.AboveThreshold, 10f, 0f)]
    public void Aggregate_Ratings_TrackLevelOnlyLastRatingWins(RatingMode mode, float expected0, float expected1)
    {
        var ratings = new RatingTableBuilder();
        ratings.Add(0, EntityLevel.Track, 0, 30f);
        ratings.Add(0, EntityLevel.Track, 0, 90f);
        ratings.Add(0, EntityLevel.Track, 1, 50f);
        ratings.Add(0, EntityLevel.Artist, 2, 100f);
        var options = new AggregationOptions { Ratings = mode, RatingThreshold = 80f, KeepZeroScores = true };

        var sut = InteractionAggregator.Aggregate(EventTable.Empty, Users(1), Items(3), options, ratings.Build());

        Assert.Equal([0, 1], sut.Matrix.RowIndices(0).ToArray());
        Assert.Equal([expected0, expected1], sut.Matrix.RowValues(0).ToArray());
    }

    [Fact]
    public void Aggregate_RatingsPlusEvents_AddUp()
    {
        var events = new EventTableBuilder();
        events.Add(0, 1, EventKind.Play);
        var ratings = new RatingTableBuilder();
        ratings.Add(0, EntityLevel.Track, 1, 95f);
        var options = new AggregationOptions { Ratings = RatingMode.Binary };

        var sut = InteractionAggregator.Aggregate(events.Build(), Users(1), Items(2), options, ratings.Build());

        Assert.Equal(2f, sut.Matrix.Get(0, 1));
    }

    [Fact]
    public void Aggregate_Dataset_ShapeFollowsIdMapsIncludingSilentUsers()
    {
        var b = new MusicDatasetBuilder("test");
        b.Users.GetOrAdd("alice");
        var bob = b.Users.GetOrAdd("bob");
        b.Tracks.GetOrAdd("t1");
        var t2 = b.Tracks.GetOrAdd("t2");
        b.Events.Add(bob, t2, EventKind.Play);

        var sut = InteractionAggregator.Aggregate(b.Build());

        Assert.Equal(2, sut.Matrix.Rows);
        Assert.Equal(2, sut.Matrix.Columns);
        Assert.Equal("bob", sut.Users[1]);
        Assert.Equal(1f, sut.Matrix.Get(1, 1));
        Assert.Equal(0, sut.Matrix.RowLength(0));
    }

    [Fact]
    public void Aggregate_WithConfidence_AppliesTransformToTotals()
    {
        var options = new AggregationOptions { Confidence = ConfidenceTransform.Linear(2) };

        var sut = InteractionAggregator.Aggregate(MixedKinds(), Users(2), Items(3), options);

        Assert.Equal(5f, sut.Matrix.Get(0, 0));
    }

    [Fact]
    public void Aggregate_ManyEvents_MatchesDictionaryReference()
    {
        var rng = new Encore.Core.Randomness.Rng(3);
        var b = new EventTableBuilder();
        var expected = new Dictionary<(int, int), float>();
        for (var e = 0; e < 5000; e++)
        {
            var u = rng.NextInt(40);
            var i = rng.NextInt(60);
            var kind = (EventKind)rng.NextInt(4);
            b.Add(u, i, kind);
            var w = kind is EventKind.Play or EventKind.Like ? 1f : 0f;
            expected[(u, i)] = expected.GetValueOrDefault((u, i)) + w;
        }

        var sut = InteractionAggregator.Aggregate(b.Build(), Users(40), Items(60)).Matrix;

        Assert.Equal(expected.Count(kv => kv.Value != 0), sut.NonZeros);
        foreach (var ((u, i), v) in expected) Assert.Equal(v, sut.Get(u, i));
    }

    [Fact]
    public void AggregateScores_EventOutsideIdMap_Throws()
    {
        var b = new EventTableBuilder();
        b.Add(0, 5, EventKind.Play);

        Assert.ThrowsAny<ArgumentException>(() => InteractionAggregator.AggregateScores(b.Build(), 1, 2, new AggregationOptions()));
    }

    [Fact]
    public void Preference_Binarize_KeepsOnlyPairsAtThreshold()
    {
        var scores = CsrMatrix.FromTriples(1, 3, [0, 0, 0], [0, 1, 2], [0.5f, 1f, 3f]);

        var sut = Preference.Binarize(scores);

        Assert.Equal([1, 2], sut.RowIndices(0).ToArray());
        Assert.Equal([1f, 1f], sut.RowValues(0).ToArray());
        Assert.Equal(0f, Preference.Of(0.99f));
        Assert.Equal(1f, Preference.Of(1f));
    }
}
