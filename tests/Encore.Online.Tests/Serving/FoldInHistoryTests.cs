using Encore.Data.Model;
using Encore.Models.Files;
using Encore.Online.Feedback;
using Encore.Online.Retraining;
using Encore.Online.Serving;
using Encore.Online.Tests.Retraining;

namespace Encore.Online.Tests.Serving;

/// <summary>
/// Fold-in reads a user's stored events by the retrain's rule (<see cref="TrainingRule"/>): a user known only by posted
/// ratings used to get popularity (the rating kind weight is 0) even from a model trained on ratings, play counts were
/// ignored, and below-threshold ratings were not told apart.
/// </summary>
public sealed class FoldInHistoryTests
{
    private static EngineScope Yahoo(string ratings = "auto") => new(
        o => o with { Retrain = new RetrainOptions { Factors = 8, Iterations = 5, EvaluationUsers = 50, Ratings = ratings, Confidence = "none" } },
        baseDataset: new BaseDatasetSource(RetrainRatingsTests.Yahoo));

    private static FeedbackEvent Rating(string user, string track, double value) => new() { User = user, Track = track, Kind = "rating", Value = value };

    private static RecommendationResponse Answer(EngineScope scope, string user, string model = "main", IReadOnlyList<HistoryEntry>? history = null) =>
        scope.Engine.Recommendations.ForUser(new UserRecommendationRequest { User = user, Model = model, K = 12, ExcludeSeen = false, History = history });

    private static HistoryEntry[] Given(float value, params string[] tracks) => [.. tracks.Select(t => new HistoryEntry { Track = t, Value = value })];

    [Fact]
    public void ForUser_UserKnownOnlyByPostedRatingsOnARatingsModel_FoldsInTheRatingsOnTheBaseScale()
    {
        // auto on a ratings-only base trains on the rating values; a posted 100 is a Yahoo 5.
        using var scope = Yahoo();
        Assert.True(scope.Engine.Retrain.RetrainNow("main").Activated);
        scope.Engine.Feedback.Ingest([.. Enumerable.Range(4, 4).Select(t => Rating("fan", $"t{t}", 100))]);

        var stored = Answer(scope, "fan");
        var given = Answer(scope, "someone-else", history: Given(5f, "t4", "t5", "t6", "t7"));

        Assert.Equal(ServingPath.FoldIn, stored.Path);
        Assert.Equal(given.Items.Select(i => (i.Track, i.Score)), stored.Items.Select(i => (i.Track, i.Score)));
    }

    [Fact]
    public void ForUser_PositiveRatings_TopItemsFollowTheRatingsAndLowRatingsAreNoSignal()
    {
        using var scope = Yahoo("positive");
        Assert.True(scope.Engine.Retrain.RetrainNow("main").Activated);
        // 100 -> 5 (liked); 10 -> 1.4, below Yahoo's threshold 4: under positive it must not pull t0..t3 up.
        scope.Engine.Feedback.Ingest([.. Enumerable.Range(4, 4).Select(t => Rating("fan-b", $"t{t}", 100)), .. Enumerable.Range(0, 4).Select(t => Rating("fan-b", $"t{t}", 10))]);
        scope.Engine.Feedback.Ingest([.. Enumerable.Range(0, 4).Select(t => Rating("fan-a", $"t{t}", 100))]);

        var b = Answer(scope, "fan-b");
        var onlyLiked = Answer(scope, "someone-else", history: Given(5f, "t4", "t5", "t6", "t7"));

        Assert.Equal(ServingPath.FoldIn, b.Path);
        Assert.Equal(["t4", "t5", "t6", "t7"], b.Items.Take(4).Select(i => i.Track).Order());
        Assert.Equal(onlyLiked.Items.Select(i => (i.Track, i.Score)), b.Items.Select(i => (i.Track, i.Score)));
        Assert.Equal(["t0", "t1", "t2", "t3"], Answer(scope, "fan-a").Items.Take(4).Select(i => i.Track).Order());
    }

    [Fact]
    public void ForUser_ModelFileWithoutNote_ResolvesTheSignalFromTheBaseDataset()
    {
        // A model served from a file records nothing: the base dataset (ratings only) makes auto read ratings.
        using var scope = Yahoo();
        Assert.True(scope.Engine.Retrain.RetrainNow("main").Activated);
        scope.Engine.Serve("file", scope.Engine.Registry.List("main")[0].Path);
        Assert.Null(scope.Engine.Registry.List("file")[0].Note);
        scope.Engine.Feedback.Ingest([.. Enumerable.Range(8, 4).Select(t => Rating("fan", $"t{t}", 90))]);

        var stored = Answer(scope, "fan", "file");
        var given = Answer(scope, "someone-else", "file", Given(4.6f, "t8", "t9", "t10", "t11"));

        Assert.Equal(ServingPath.FoldIn, stored.Path);
        Assert.Equal(given.Items.Select(i => (i.Track, i.Score)), stored.Items.Select(i => (i.Track, i.Score)));
    }

    [Theory]
    [InlineData("positive")]
    [InlineData("signed")]
    public void Of_BelowThresholdRating_IsNoPositiveSignalAndMatchesTheRetrainRow(string ratings)
    {
        using var scope = Yahoo(ratings);
        Assert.True(scope.Engine.Retrain.RetrainNow("main").Activated);
        // 90 -> 4.6 (liked), 50 -> 3.0 (below Yahoo's 4).
        var stored = new List<StoredEvent> { new(null, "new", "t0", EventKind.Rating, 1, 90, null), new(null, "new", "t5", EventKind.Rating, 2, 50, null) };
        var foldIn = new FoldInHistory(scope.Engine.Registry, scope.Engine.BaseDataset, scope.Options);

        var (tracks, values) = foldIn.Of(scope.Engine.Registry.Active("main")!, stored);

        var retrain = TrainingSetBuilder.Build(stored, RetrainRatingsTests.Yahoo(), scope.Options.Retrain).Matrix;
        var row = retrain.Users.IndexOf("new");
        var expected = retrain.Matrix.RowIndices(row).ToArray().Select(i => retrain.Items[i]).ToArray();
        Assert.Equal(expected, tracks);
        for (var i = 0; i < tracks.Length; i++) Assert.Equal(retrain.Matrix.Get(row, retrain.Items.IndexOf(tracks[i])), values[i], 5);
        Assert.Equal(4.6f, values[0], 5);
        if (ratings == "positive") Assert.Equal(["t0"], tracks);
        else
        {
            Assert.Equal(["t0", "t5"], tracks);
            Assert.Equal(-1f, values[1]);
        }
    }

    [Fact]
    public void Scores_SignedRatingBelowTheThreshold_IsNotFoldedIntoTheScoreVector()
    {
        using var scope = Yahoo("signed");
        Assert.True(scope.Engine.Retrain.RetrainNow("main").Activated);
        // 100 -> 5 (liked); 10 -> 1.4, -1 under signed: a rejection, which must not enter the model's fold-in.
        scope.Engine.Feedback.Ingest([Rating("fan", "t4", 100), Rating("fan", "t5", 100), Rating("fan", "t0", 10)]);
        var tracks = Enumerable.Range(0, 12).Select(t => $"t{t}").ToArray();

        var stored = scope.Engine.Recommendations.Scores("fan", new ScoreRequest { Tracks = tracks });
        var liked = scope.Engine.Recommendations.Scores("someone-else", new ScoreRequest { Tracks = tracks, History = Given(5f, "t4", "t5") });

        Assert.Equal(ServingPath.FoldIn, stored.Path);
        Assert.Equal(liked.Scores, stored.Scores);
    }

    [Fact]
    public void Of_PlayCounts_WeighByTheirValueWhenCarried()
    {
        using var scope = new EngineScope();
        var serving = scope.Engine.Serve("main", TestWorld.AlsPath);
        var foldIn = new FoldInHistory(scope.Engine.Registry, scope.Engine.BaseDataset, scope.Options);
        var (a, b) = (TestWorld.Matrix.Items[1], TestWorld.Matrix.Items[2]);

        var (tracks, values) = foldIn.Of(serving, [new(null, "u", a, EventKind.Play, 1, 50, null), new(null, "u", b, EventKind.Play, 2, 1, null)]);
        var (_, plain) = foldIn.Of(serving, [new(null, "u", a, EventKind.Play, 1, null, null), new(null, "u", b, EventKind.Play, 2, null, null)]);

        Assert.Equal([a, b], tracks);
        Assert.True(values[0] > values[1], $"{values[0]} vs {values[1]}");
        Assert.Equal(50 * values[1], values[0], 4);
        Assert.Equal(plain[0], plain[1]); // without values every play counts once, as before
    }

    [Fact]
    public void Serve_WithABaseDataset_ReadsTheBaseWhenTheVersionGoesLiveNotInTheFirstFoldInRequest()
    {
        // Reading and aggregating a 17.5M-event base took 3.5 s inside the first fold-in request; it now runs on activation.
        var reads = 0;
        using var scope = new EngineScope(baseDataset: new BaseDatasetSource(() =>
        {
            Interlocked.Increment(ref reads);
            return TestWorld.World.Dataset;
        }));

        scope.Engine.Serve("main", TestWorld.AlsPath);

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref reads) == 1, TimeSpan.FromSeconds(30)), "the base was not read on activation");
        scope.Engine.Feedback.Ingest([new FeedbackEvent { User = "newcomer", Track = TestWorld.Matrix.Items[1], Kind = "play" }]);
        Assert.Equal(ServingPath.FoldIn, Answer(scope, "newcomer").Path);
        Assert.Equal(1, reads);
    }

    [Fact]
    public void ForUser_UnknownUserWhoseEventsAreOnlySkips_PopularityThatSaysNoPositiveSignal()
    {
        // Such a user got reason null, as if the service had never heard of them.
        using var scope = new EngineScope();
        scope.Engine.Serve("main", TestWorld.AlsPath);
        scope.Engine.Feedback.Ingest([new FeedbackEvent { User = "skipper", Track = TestWorld.Matrix.Items[1], Kind = "skip" }]);

        var skipper = Answer(scope, "skipper");
        var stranger = Answer(scope, "stranger");

        Assert.Equal((ServingPath.Popularity, "no-positive-signal"), (skipper.Path, skipper.Reason));
        Assert.DoesNotContain(skipper.Items, t => t.Track == TestWorld.Matrix.Items[1]);
        Assert.Equal((ServingPath.Popularity, (string?)null), (stranger.Path, stranger.Reason));
    }

    [Fact]
    public void FromNote_RetrainNote_GivesItsSignalThresholdAndConfidence()
    {
        var note = ServedTraining.FromNote("retrain: holdout NDCG@10 0.5 vs active none on 40 users; ratings positive, threshold 4.5 (given); confidence log1p (auto): values span 1..50");
        var admin = ServedTraining.FromNote("uploaded by hand");

        Assert.Equal(("positive", 4.5f), (note.Ratings, note.Threshold));
        Assert.Same(Encore.Data.Aggregation.ConfidenceTransform.LogPlusOne, note.Confidence);
        Assert.Equal(ServedTraining.Unknown, admin);
    }
}
