using Encore.Data.Model;
using Encore.Data.Ratings;

namespace Encore.Data.Tests.Ratings;

/// <summary>
/// <see cref="StarRatingLookalike"/>: a MovieLens-shaped <c>ratings.csv</c> imported as plays (session 14: evaluated with
/// "relevant = score >= 1" and no word) is noted; play counts, binary and signed tables are not.
/// </summary>
public sealed class StarRatingLookalikeTests
{
    private static MusicDataset Plays(Func<int, float> value, int count = 40, EventKind kind = EventKind.Play)
    {
        var b = new MusicDatasetBuilder("table");
        for (var i = 0; i < count; i++)
        {
            var u = b.Users.GetOrAdd("u" + (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var t = b.Tracks.GetOrAdd("t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.Events.Add(u, t, kind, value: value(i));
        }
        return b.Build();
    }

    [Fact]
    public void Note_HalfStarValuesAsPlays_SaysTheyLookLikeRatings()
    {
        var note = StarRatingLookalike.Note(Plays(i => 0.5f + (i % 10) * 0.5f));

        Assert.NotNull(note);
        Assert.Contains("values run 0.5..5 in steps of 0.5", note, StringComparison.Ordinal);
        Assert.Contains("kind-default=rating", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_OneToFiveStars_SaysStepsOfOne() =>
        Assert.Contains("values run 1..5 in steps of 1", StarRatingLookalike.Note(Plays(i => 1 + (i % 5)))!, StringComparison.Ordinal);

    [Theory]
    [InlineData("counts")]   // 1..40: above 10
    [InlineData("binary")]   // one distinct value
    [InlineData("signed")]   // -1 / 1
    [InlineData("fraction")] // 2.25 is not a half step
    [InlineData("few")]      // under MinimumEvents
    [InlineData("small")]    // play counts 1..4, mostly ones
    public void Note_OtherValues_IsNull(string shape)
    {
        var dataset = shape switch
        {
            "counts" => Plays(i => i + 1),
            "binary" => Plays(_ => 1),
            "signed" => Plays(i => i % 2 == 0 ? -1 : 1),
            "fraction" => Plays(i => i == 3 ? 2.25f : 1 + (i % 5)),
            "small" => Plays(i => i % 2 == 0 ? 1 : 1 + (i % 4)),
            _ => Plays(i => 1 + (i % 5), count: StarRatingLookalike.MinimumEvents - 1),
        };

        Assert.Null(StarRatingLookalike.Note(dataset));
    }

    [Fact]
    public void Note_LikesWithStarValues_IsNull() =>
        Assert.Null(StarRatingLookalike.Note(Plays(i => 1 + (i % 5), kind: EventKind.Like)));
}
