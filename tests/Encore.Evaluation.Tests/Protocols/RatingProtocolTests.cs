using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.KddCup;
using Encore.Data.Import.YahooR3;
using Encore.Data.Model;
using Encore.Data.Ratings;
using Encore.Evaluation.Protocols;

namespace Encore.Evaluation.Tests.Protocols;

/// <summary>Ratings as the signal (docs/ratings.md): hand-made Yahoo! R3 and KDD Cup files through every protocol step.</summary>
public sealed class RatingProtocolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-ratings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // 8 users x 12 songs, rating (u * 7 + s * 3) % 5 + 1 on songs s with (u + s) % 3 != 0: a spread of 1..5 per user.
    private static int YahooRating(int u, int s) => (u * 7 + s * 3) % 5 + 1;

    private static IEnumerable<(int User, int Song)> YahooPairs() =>
        from u in Enumerable.Range(1, 8) from s in Enumerable.Range(1, 12) where (u + s) % 3 != 0 select (u, s);

    private MusicDataset Yahoo()
    {
        var path = Path.Combine(_dir, "ydata-ymusic-rating-study-v1_0-train.txt");
        File.WriteAllLines(path, YahooPairs().Select(p => $"{p.User}\t{p.Song}\t{YahooRating(p.User, p.Song)}"));
        return new YahooR3Importer().Import([path], new ImportOptions { Mode = ErrorMode.Strict }, new ImportReport(ErrorMode.Strict));
    }

    // KDD Cup track 2 layout: catalogue files, then trainIdx2 blocks "user|count" followed by "item<TAB>score" lines.
    private MusicDataset Kdd()
    {
        File.WriteAllText(Path.Combine(_dir, "genreData2.txt"), "900\n");
        File.WriteAllText(Path.Combine(_dir, "artistData2.txt"), "800\n");
        File.WriteAllText(Path.Combine(_dir, "albumData2.txt"), "700|800|900\n");
        File.WriteAllText(Path.Combine(_dir, "trackData2.txt"), string.Concat(Enumerable.Range(1, 10).Select(t => $"{t}|700|800|900\n")));
        var train = new System.Text.StringBuilder();
        for (var u = 1; u <= 6; u++)
        {
            var tracks = Enumerable.Range(1, 10).Where(t => (u + t) % 4 != 0).ToArray();
            train.Append($"{u}|{tracks.Length + 1}\n");
            foreach (var t in tracks) train.Append($"{t}\t{KddScore(u, t)}\n");
            train.Append("800\t90\n"); // an artist rating: not a track, never mixed into the track matrix
        }
        File.WriteAllText(Path.Combine(_dir, "trainIdx2.txt"), train.ToString());
        return new KddCupImporter().Import([_dir], new ImportOptions { Mode = ErrorMode.Strict }, new ImportReport(ErrorMode.Strict));
    }

    private static int KddScore(int u, int t) => (u * 37 + t * 23) % 101;

    [Fact]
    public void Prepare_YahooR3File_TrainsOnRatingsWithTheSourceThreshold()
    {
        var data = Yahoo();
        var sut = ProtocolPreparer.Prepare(data, ProtocolOptions.Parse("holdout"));

        Assert.Equal(RatingSignal.Values, sut.Options.Ratings);
        Assert.Equal(4f, sut.Options.RelevanceThreshold);
        Assert.Contains("relevant = score >= 4 (yahoo-r3 default: >= 4 of 1..5)", sut.Label, StringComparison.Ordinal);
        var total = YahooPairs().Count();
        Assert.Equal(total, sut.Train.Interactions.NonZeros + (int)sut.Statistics["held-out-pairs"]);
        // The relevant pairs are exactly the held-out ones rated 4 or 5 (checked against the file's own ratings).
        var expected = 0;
        var heldOut = HeldOut(sut, data);
        foreach (var (u, s) in heldOut)
            if (YahooRating(u, s) >= 4) expected++;
        Assert.True(expected > 0 && expected < heldOut.Count);
        Assert.Equal(expected, sut.Target.NonZeros);
        foreach (var v in sut.Target.Values) Assert.True(v >= 4f);

        var run = new EvaluationPipeline(PipelineFixtures.Settings(5)).Run(sut, [PipelineFixtures.Popularity()]).Single();
        Assert.Equal(Enumerable.Range(0, sut.Target.Rows).Count(u => sut.Target.RowLength(u) > 0), run.Users.Length);
    }

    // Held-out (user, song) pairs in file ids: every rated pair the training matrix does not hold.
    private static List<(int User, int Song)> HeldOut(PreparedProtocol protocol, MusicDataset data)
    {
        var result = new List<(int, int)>();
        foreach (var (u, s) in YahooPairs())
        {
            var user = data.Users.IndexOf(u.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var song = data.Tracks.IndexOf(s.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (protocol.Train.Interactions.RowIndices(user).BinarySearch(song) < 0) result.Add((u, s));
        }
        return result;
    }

    [Fact]
    public void Prepare_KddFile_UsesTrackRatingsAndThreshold80()
    {
        var data = Kdd();
        var sut = ProtocolPreparer.Prepare(data, ProtocolOptions.Parse("holdout"));

        Assert.Equal(80f, sut.Options.RelevanceThreshold);
        Assert.Contains("kddcup default: >= 80 of 0..100", sut.Label, StringComparison.Ordinal);
        var trackRatings = Enumerable.Range(1, 6).Sum(u => Enumerable.Range(1, 10).Count(t => (u + t) % 4 != 0));
        Assert.Equal(trackRatings, sut.Train.Interactions.NonZeros + (int)sut.Statistics["held-out-pairs"]);
        var expected = 0;
        for (var u = 0; u < sut.Train.UserCount; u++)
        {
            var user = int.Parse(data.Users[u], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var t in Enumerable.Range(1, 10).Where(t => (user + t) % 4 != 0))
                if (sut.Train.Interactions.RowIndices(u).BinarySearch(data.Tracks.IndexOf(t.ToString(System.Globalization.CultureInfo.InvariantCulture))) < 0 && KddScore(user, t) >= 80) expected++;
        }
        Assert.Equal(expected, sut.Target.NonZeros);
        var run = new EvaluationPipeline(PipelineFixtures.Settings(5)).Run(sut, [PipelineFixtures.Popularity()]).Single();
        Assert.NotEmpty(run.Users);
    }

    [Fact]
    public void Prepare_GivenSplit_BelowThresholdTestRowIsNotRelevant()
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\nu1\ta\t5\nu1\tb\t2\nu2\ta\t4\nu2\tc\t5\nu2\td\t5\n");
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\nu1\tc\t1\nu1\td\t4\nu2\tb\t3\n");
        var options = ProtocolOptions.Parse($"given:{_dir}") with { RelevanceThreshold = 4 };

        var sut = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), options);

        // u1's c (rated 1) and u2's b (rated 3) are held out but not relevant; only u1's d (4) is.
        Assert.Equal(3, sut.Statistics["held-out-pairs"]);
        Assert.Equal(1, sut.Target.NonZeros);
        Assert.Equal(4f, sut.Target.Values[0]);
        Assert.Equal(0, sut.Target.RowLength(1));
        Assert.Contains("relevant = score >= 4", sut.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_ExplicitThreshold_WinsOverTheSourceDefault()
    {
        var sut = ProtocolPreparer.Prepare(Yahoo(), ProtocolOptions.Parse("holdout") with { RelevanceThreshold = 5 });

        Assert.Equal(5f, sut.Options.RelevanceThreshold);
        Assert.DoesNotContain("default", sut.Label, StringComparison.Ordinal);
        foreach (var v in sut.Target.Values) Assert.Equal(5f, v);
    }

    [Fact]
    public void Prepare_PositiveAndSigned_ChangeTrainingButNotRelevance()
    {
        var data = Yahoo();
        var values = ProtocolPreparer.Prepare(data, ProtocolOptions.Parse("holdout") with { Ratings = RatingSignal.Values });
        var positive = ProtocolPreparer.Prepare(data, ProtocolOptions.Parse("holdout") with { Ratings = RatingSignal.Positive });
        var signed = ProtocolPreparer.Prepare(data, ProtocolOptions.Parse("holdout") with { Ratings = RatingSignal.Signed });

        var below = values.Train.Interactions.Values.ToArray().Count(v => v < 4);
        Assert.True(below > 0);
        Assert.Equal(values.Train.Interactions.NonZeros - below, positive.Train.Interactions.NonZeros);
        Assert.All(positive.Train.Interactions.Values.ToArray(), v => Assert.True(v >= 4));
        Assert.Equal(values.Train.Interactions.NonZeros, signed.Train.Interactions.NonZeros);
        Assert.Equal(below, signed.Train.Interactions.Values.ToArray().Count(v => v == -1f));
        Assert.Equal(values.Target.NonZeros, positive.Target.NonZeros);
        Assert.Equal(values.Target.NonZeros, signed.Target.NonZeros);
        Assert.Contains("below threshold as -1", signed.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_RatingsIgnored_IsNothingToTrainOn()
    {
        var ex = Assert.Throws<EncoreException>(() => ProtocolPreparer.Prepare(Yahoo(), ProtocolOptions.Parse("holdout") with { Ratings = RatingSignal.Ignore }));

        Assert.Contains("nothing to train on", ex.Message, StringComparison.Ordinal);
        Assert.Contains("data.ratings=values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_RatingsAskedButNone_SaysSo()
    {
        var ex = Assert.Throws<EncoreException>(() => ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), ProtocolOptions.Parse("holdout") with { Ratings = RatingSignal.Values }));

        Assert.Contains("no ratings", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_HoldoutOnPlays_BelowThresholdPairsAreNotRelevant()
    {
        // TimedWorld: u2 played t0 and t3 twice, every other pair once. Threshold 2: of the three held-out pairs (one per
        // user) only u2's is relevant. With seed 42 its track is held out by every user who has it, so no training pair has
        // it: the protocol refuses, and its reason counts the one relevant pair of the three.
        var ex = Assert.Throws<Core.Errors.EncoreException>(() =>
            ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), ProtocolOptions.Parse("holdout") with { RelevanceThreshold = 2 }));

        Assert.Contains("none of the 1 relevant held-out pairs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("relevant = score >= 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_TemporalOnRatingsWithoutTimes_Refuses()
    {
        var ex = Assert.Throws<ArgumentException>(() => ProtocolPreparer.Prepare(Yahoo(), ProtocolOptions.Parse("temporal")));

        Assert.Contains("no event times", ex.Message, StringComparison.Ordinal);
    }

    // The Yahoo pairs as rating events of a plain table (no documented scale): 1..5 stars, MovieLens-shaped.
    private static MusicDataset StarTable()
    {
        var b = new MusicDatasetBuilder("table:ratings.csv");
        foreach (var (u, s) in YahooPairs())
            b.Events.Add(b.Users.GetOrAdd($"u{u}"), b.Tracks.GetOrAdd($"m{s}"), EventKind.Rating, value: YahooRating(u, s));
        return b.Build();
    }

    [Fact]
    public void Prepare_StarTableWithoutThreshold_ChoosesFourFifthsOfTheTopAndSaysAuto()
    {
        var sut = ProtocolPreparer.Prepare(StarTable(), ProtocolOptions.Parse("holdout"));

        Assert.Equal(RatingSignal.Values, sut.Options.Ratings);
        Assert.Equal(4f, sut.Options.RelevanceThreshold);
        Assert.True(sut.Options.ThresholdAutomatic);
        Assert.Equal("4 (auto)", sut.Options.ThresholdParameter);
        Assert.Contains("relevant = score >= 4 (auto: 4/5 of the highest rating 5)", sut.Label, StringComparison.Ordinal);
        Assert.True(sut.Target.NonZeros > 0);
        foreach (var v in sut.Target.Values) Assert.True(v >= 4f);
    }

    [Fact]
    public void Prepare_StarTableWithAThreshold_IsNotAuto()
    {
        var sut = ProtocolPreparer.Prepare(StarTable(), ProtocolOptions.Parse("holdout") with { RelevanceThreshold = 3 });

        Assert.False(sut.Options.ThresholdAutomatic);
        Assert.Equal("3", sut.Options.ThresholdParameter);
        Assert.DoesNotContain("auto", sut.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_Plays_KeepThePlainThresholdOne()
    {
        var sut = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), new ProtocolOptions { Kind = ProtocolKind.Temporal, TestFraction = 0.2, ValidationFraction = 0.1 });

        Assert.Equal(1f, sut.Options.RelevanceThreshold);
        Assert.False(sut.Options.ThresholdAutomatic);
        Assert.Null(sut.Options.ThresholdParameter);
    }
}
