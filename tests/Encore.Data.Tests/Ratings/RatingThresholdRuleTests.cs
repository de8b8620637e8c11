using System.Globalization;
using Encore.Data.Model;
using Encore.Data.Ratings;

namespace Encore.Data.Tests.Ratings;

/// <summary>
/// <see cref="RatingThresholdRule"/>: 4/5 of the scale's highest rating (hand-worked: 1..5 -> 4, 0.5..5 -> 4, 1..10 -> 8,
/// 0..100 -> 80), the source's documented default first, nothing without ratings.
/// </summary>
public sealed class RatingThresholdRuleTests
{
    private static MusicDataset Ratings(string source, params float[] values)
    {
        var b = new MusicDatasetBuilder(source);
        for (var i = 0; i < values.Length; i++)
        {
            var u = b.Users.GetOrAdd("u" + (i % 3).ToString(CultureInfo.InvariantCulture));
            var t = b.Tracks.GetOrAdd("t" + i.ToString(CultureInfo.InvariantCulture));
            b.Events.Add(u, t, EventKind.Rating, value: values[i]);
        }
        return b.Build();
    }

    [Theory]
    [InlineData(5f, 4f)]     // MovieLens 1..5 and 0.5..5
    [InlineData(10f, 8f)]    // 1..10
    [InlineData(100f, 80f)]  // 0..100, as KDD Cup documents
    [InlineData(3f, 2.4f)]   // 1..3: only the top rating is relevant
    public void Of_HighestRating_IsFourFifths(float highest, float expected) =>
        Assert.Equal(expected, RatingThresholdRule.Of(highest), 5);

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Of_NotAPositiveTop_Throws(float highest) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingThresholdRule.Of(highest));

    [Fact]
    public void Default_HalfStarMovieLensScale_IsFourAuto()
    {
        var chosen = RatingThresholdRule.Default(Ratings("table", 0.5f, 3.5f, 4f, 5f, 2.5f, 4.5f));

        Assert.NotNull(chosen);
        Assert.Equal(4f, chosen.Value.Threshold);
        Assert.True(chosen.Value.Automatic);
        Assert.Equal("auto: 4/5 of the highest rating 5", chosen.Value.Origin);
    }

    [Fact]
    public void Default_OneToTenScale_IsEight() =>
        Assert.Equal(8f, RatingThresholdRule.Default(Ratings("table", 1, 7, 10, 3))!.Value.Threshold);

    [Fact]
    public void Default_DocumentedSource_KeepsTheSourceDefault()
    {
        // Yahoo! R3 documents >= 4 of 1..5; a sample whose top is 4 still uses 4, not 3.2.
        var chosen = RatingThresholdRule.Default(Ratings("yahoo-r3:x", 1, 2, 4));

        Assert.Equal(4f, chosen!.Value.Threshold);
        Assert.False(chosen.Value.Automatic);
    }

    [Fact]
    public void Default_NoRatingAboveZero_IsNull()
    {
        Assert.Null(RatingThresholdRule.Default(Ratings("table")));
        Assert.Null(RatingThresholdRule.Default(Ratings("table", 0f, -1f)));
    }

    [Fact]
    public void Highest_PlaysAreNotRatings()
    {
        var b = new MusicDatasetBuilder("table");
        var u = b.Users.GetOrAdd("u");
        b.Events.Add(u, b.Tracks.GetOrAdd("a"), EventKind.Play, value: 40);
        b.Events.Add(u, b.Tracks.GetOrAdd("b"), EventKind.Rating, value: 5);

        Assert.Equal(5f, RatingThresholdRule.Highest(b.Build()));
    }
}
