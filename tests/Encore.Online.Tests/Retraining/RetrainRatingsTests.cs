using Encore.Data.Model;
using Encore.Data.Ratings;
using Encore.Online.Feedback;
using Encore.Online.Retraining;

namespace Encore.Online.Tests.Retraining;

/// <summary>
/// A retrain reads ratings as <c>encore train</c> does (retrain.ratings / retrain.threshold, docs/ratings.md): a
/// ratings-only base (Yahoo! R3, KDD Cup) used to retrain on nothing (every kind weight of a rating is 0), and posted
/// rating events never reached a retrained model.
/// </summary>
public sealed class RetrainRatingsTests
{
    // 40 users x 12 tracks of a Yahoo-like snapshot (ratings 1..5, no events): users of group g rate tracks 4g..4g+3
    // high (4 or 5) and tracks of the next group low (1 or 2), so the ratings carry structure.
    internal static MusicDataset Yahoo()
    {
        var b = new MusicDatasetBuilder("yahoo-r3 (test)");
        for (var t = 0; t < 12; t++) b.Tracks.GetOrAdd($"t{t}");
        for (var u = 0; u < 40; u++)
        {
            var user = b.Users.GetOrAdd($"y{u}");
            var g = u % 3;
            for (var t = 0; t < 4; t++)
            {
                b.Ratings.Add(user, EntityLevel.Track, b.Tracks.IndexOf($"t{4 * g + t}"), 4 + (u + t) % 2);
                b.Ratings.Add(user, EntityLevel.Track, b.Tracks.IndexOf($"t{4 * ((g + 1) % 3) + t}"), 1 + (u + t) % 2);
            }
        }
        return b.Build();
    }

    private static StoredEvent Rating(string user, string track, double value) => new(null, user, track, EventKind.Rating, 0, value, null);

    private static EngineScope Scope(string ratings = "auto", MusicDataset? dataset = null) => new(
        o => o with { Retrain = new RetrainOptions { Factors = 8, Iterations = 5, EvaluationUsers = 50, Ratings = ratings } },
        baseDataset: new BaseDatasetSource(() => dataset ?? Yahoo()));

    [Fact]
    public void RetrainNow_RatingsOnlyBase_RetrainsOnTheRatingsAndActivates()
    {
        using var scope = Scope();

        var result = scope.Engine.Retrain.RetrainNow("main");

        Assert.True(result.Activated, result.Reason);
        Assert.Equal("ratings values (auto)", result.Ratings);
        Assert.Equal((40, 12, 320L), (result.Users, result.Tracks, result.Interactions));
        Assert.Contains("; ratings values (auto); confidence ", scope.Engine.Registry.List("main")[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrainNow_RatingsOnlyBasePositive_NamesTheSourceThresholdInTheNote()
    {
        using var scope = Scope("positive");

        var result = scope.Engine.Retrain.RetrainNow("main");

        Assert.True(result.Activated, result.Reason);
        Assert.Equal(160L, result.Interactions); // only the 4s and 5s
        Assert.Equal("ratings positive, threshold 4 (yahoo-r3 default: >= 4 of 1..5)", result.Ratings);
        Assert.Contains("; ratings positive, threshold 4 (yahoo-r3 default: >= 4 of 1..5); confidence ", scope.Engine.Registry.List("main")[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PostedRatingsOnAYahooBase_ReadOnItsScaleAndCutAtItsThreshold()
    {
        // Posted 0..100 read on Yahoo's 1..5: 90 -> 4.6 (liked), 75 -> 4.0 (exactly the threshold), 50 -> 3.0 (not liked).
        var stored = new List<StoredEvent> { Rating("new", "t0", 90), Rating("new", "t1", 75), Rating("new", "t2", 50), Rating("y0", "t0", 0) };

        var positive = TrainingSetBuilder.Build(stored, Yahoo(), new RetrainOptions { Ratings = "positive", Confidence = "none" });
        var signed = TrainingSetBuilder.Build(stored, Yahoo(), new RetrainOptions { Ratings = "signed", Confidence = "none" });
        var values = TrainingSetBuilder.Build(stored, Yahoo(), new RetrainOptions { Confidence = "none" });

        var m = positive.Matrix;
        int U(string id) => m.Users.IndexOf(id);
        int T(string id) => m.Items.IndexOf(id);
        Assert.Equal(4.6f, m.Matrix.Get(U("new"), T("t0")), 5);
        Assert.Equal(4f, m.Matrix.Get(U("new"), T("t1")), 5);
        Assert.Equal(2, m.Matrix.RowLength(U("new"))); // the 3.0 is left out
        Assert.Equal(-1f, signed.Matrix.Matrix.Get(U("new"), T("t2")));
        Assert.Equal(3f, values.Matrix.Matrix.Get(U("new"), T("t2")), 5);
        // A posted re-rating of a base pair replaces it (the last rating wins, as train reads ratings): y0 rated t0 4 or 5.
        Assert.Equal(1f, values.Matrix.Matrix.Get(U("y0"), T("t0")));
        Assert.Equal(0f, positive.Matrix.Matrix.Get(U("y0"), T("t0")));
        Assert.Equal("ratings signed, threshold 4 (yahoo-r3 default: >= 4 of 1..5); posted ratings 0..100 read as 1..5 (yahoo-r3 scale: lo + (hi - lo) x v / 100)",
            signed.Ratings.Describe());
    }

    [Fact]
    public void Build_PostedRatingsOnly_AutoReadsThemOnTheApiScaleWithThreshold80()
    {
        var stored = new List<StoredEvent> { Rating("a", "x", 90), Rating("a", "y", 50), Rating("b", "x", 80), Rating("b", "z", 10) };

        var auto = TrainingSetBuilder.Build(stored, null, new RetrainOptions { Confidence = "none" });
        var positive = TrainingSetBuilder.Build(stored, null, new RetrainOptions { Ratings = "positive", Confidence = "none" });
        var given = TrainingSetBuilder.Build(stored, null, new RetrainOptions { Ratings = "signed", Threshold = 40, Confidence = "none" });

        Assert.Equal((RatingSignal.Values, true), (auto.Ratings.Signal, auto.Ratings.Automatic));
        Assert.Equal([90f, 50f, 80f, 10f], auto.Matrix.Matrix.Values.ToArray());
        Assert.Equal([90f, 80f], positive.Matrix.Matrix.Values.ToArray());
        Assert.Equal("ratings positive, threshold 80 (auto: 4/5 of the event API's top rating 100)", positive.Ratings.Describe());
        Assert.Equal([90f, 50f, 80f, -1f], given.Matrix.Matrix.Values.ToArray());
        Assert.Equal("ratings signed, threshold 40 (given)", given.Ratings.Describe());
    }

    [Fact]
    public void Build_PlaysAndPostedRatings_AutoKeepsTheEventsAndSaysSo()
    {
        // A play log stays a play log (train's auto): ratings weigh retrain.weights.rating (0), the matrix is as before.
        var stored = new List<StoredEvent> { new(null, "a", "x", EventKind.Play, 0, null, null), Rating("a", "y", 90) };

        var set = TrainingSetBuilder.Build(stored, null, new RetrainOptions());

        Assert.Equal("ratings ignore (auto): the events are the signal", set.Ratings.Describe());
        Assert.Equal(1, set.Matrix.Matrix.NonZeros);
    }

    [Theory]
    [InlineData("sometimes", null, "retrain.ratings expects auto, ignore, values, positive or signed, got 'sometimes'.")]
    [InlineData("positive", 0f, "retrain.threshold expects a rating above 0")]
    [InlineData("positive", float.NaN, "retrain.threshold expects a rating above 0")]
    public void Build_BadRatingsSetting_IsAClearError(string ratings, float? threshold, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => TrainingSetBuilder.Build([Rating("a", "x", 90)], null, new RetrainOptions { Ratings = ratings, Threshold = threshold }));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrainNow_PostedRatingsAllBelowThePositiveThreshold_IsConflictSayingWhy()
    {
        using var scope = new EngineScope(o => o with { Retrain = new RetrainOptions { Ratings = "positive" } }, baseDataset: new BaseDatasetSource((string?)null));
        scope.Engine.Feedback.Ingest([new FeedbackEvent { User = "a", Track = "x", Kind = "rating", Value = 30 }]);

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Retrain.RetrainNow("main"));

        Assert.Equal(RequestProblem.Conflict, ex.Problem);
        Assert.Contains("none with a positive value (1 stored events, no base dataset; ratings positive, threshold 80", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_ObservedRangeWhenTheSourceDocumentsNone()
    {
        var b = new MusicDatasetBuilder("table");
        var u = b.Users.GetOrAdd("u");
        for (var t = 0; t < 3; t++) b.Events.Add(u, b.Tracks.GetOrAdd($"t{t}"), EventKind.Rating, value: 2 + 4 * t); // 2, 6, 10

        var scale = OnlineRatingScale.For(b.Build());

        Assert.Equal((2f, 10f, "observed range"), (scale.Low, scale.High, scale.Origin));
        Assert.Equal(6f, scale.Map(50));
        Assert.True(OnlineRatingScale.For(null).IsIdentity);
        Assert.Equal((0f, 100f), (OnlineRatingScale.For(Yahoo() with { Source = "kddcup" }).Low, OnlineRatingScale.For(Yahoo() with { Source = "kddcup" }).High));
    }
}
