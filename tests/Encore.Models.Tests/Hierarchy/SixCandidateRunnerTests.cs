using Encore.Core.Errors;
using Encore.Data.Model;
using Encore.Data.Synthetic;
using Encore.Evaluation.Protocols.SixCandidate;
using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Hierarchy;

public sealed class SixCandidateRunnerTests
{
    private static readonly MusicDataset World =
        SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { MeanRatingsPerUser = 60, Seed = 5 }).Dataset;

    private static SixCandidateOptions Options(params string[] models) => new()
    {
        Seed = 3,
        AlsFactors = 8,
        AlsIterations = 3,
        Classifiers = new ClassifierOptions { Trees = 10, Leaves = 8, MinimumPerLeaf = 5 },
        Models = models,
    };

    [Fact]
    public void Run_ValidatedPrior_IsReportedWithItsCurvesAndRecordedInTheRuns()
    {
        var sut = SixCandidateRunner.Run(World, Options("weighted", "weighted+bayes+siblings", "adaptive"));
        Assert.True(sut.Prior.Validated);
        Assert.Equal(2 * 4, sut.Prior.Curves.Count); // two prior means x four levels, last pass
        Assert.All(sut.Prior.Curves, c => Assert.Equal(PriorSelection.Grid.Count, c.Points.Count));
        Assert.Contains(sut.ValidationAccuracies, v => v.Model == "weighted+bayes+siblings" && Math.Abs(v.Accuracy - sut.Prior.ValidationAccuracy) < 1e-12);
        var runs = SixCandidateRuns.From(sut, "tiny", "hash", 3, TimeProvider.System);
        Assert.All(runs, r => Assert.Equal(sut.Prior.Settings.Describe(), r.Parameters["bayes-prior"]));

        var spec = SixCandidateRunner.Run(World, Options("weighted+bayes+siblings") with { PriorFit = PriorFit.Fixed });
        Assert.False(spec.Prior.Validated);
        Assert.Equal(PriorSettings.Spec(10), spec.Prior.Settings);
    }

    [Fact]
    public void Run_ValidatedAdaptive_ScoresStrictAndEvidenceWeightedRowsAsChosenAndRecordsThem()
    {
        var sut = SixCandidateRunner.Run(World, Options("weighted+bayes+siblings", "adaptive-strict", "adaptive", "learned-fallback"));
        var (strict, served) = (sut.AdaptiveScale, sut.PriorConfidence);
        Assert.True(strict.Validated);
        Assert.True(served.Validated);
        Assert.Equal((served.Form, served.Confidence), (sut.Test.Scale.Form, sut.Test.Scale.PriorConfidence));
        var strictAccuracy = strict.Accuracies[AdaptiveScaleNames.Forms.ToList().IndexOf(strict.Form)];
        Assert.Equal(strictAccuracy, served.StrictAccuracy, 12);
        var servedAccuracy = served.Accuracy(served.Form, PriorConfidenceNames.Grid.ToList().IndexOf(served.Confidence));
        Assert.Contains(sut.ValidationAccuracies, v => v.Model == "adaptive-strict" && Math.Abs(v.Accuracy - strictAccuracy) < 1e-12);
        Assert.Contains(sut.ValidationAccuracies, v => v.Model == "adaptive" && Math.Abs(v.Accuracy - servedAccuracy) < 1e-12);
        Assert.All(SixCandidateRuns.From(sut, "tiny", "hash", 3, TimeProvider.System), r =>
        {
            Assert.Equal(served.Form.Name(), r.Parameters["adaptive-scale"]);
            Assert.Equal(PriorConfidenceNames.Format(served.Confidence) + " (validated)", r.Parameters["prior-confidence"]);
            Assert.Equal(strict.Form.Name(), r.Parameters["adaptive-strict-scale"]);
        });
        var strictScale = LevelScale.From(sut.Test.Extractor.Priors, strict.Form);
        Assert.Equal(sut.Test.Features.Select(f => StrategyScorer.Score(HierarchyStrategy.Adaptive, f, strictScale)), sut.TestScores["adaptive-strict"]);
        Assert.Contains(sut.Steps, s => s.From == "weighted+bayes+siblings" && s.To == "adaptive-strict");
        Assert.Contains(sut.Steps, s => s.From == "adaptive-strict" && s.To == "adaptive");

        // A given form and lambda are used as they are, and only adaptive's score moves with them.
        var z = SixCandidateRunner.Run(World, Options("weighted+bayes+siblings", "adaptive") with { AdaptiveScale = AdaptiveScale.LevelZ, PriorConfidence = 0 });
        Assert.False(z.AdaptiveScale.Validated);
        Assert.False(z.PriorConfidence.Validated);
        Assert.Equal((AdaptiveScale.LevelZ, 0.0), (z.Test.Scale.Form, z.Test.Scale.PriorConfidence));
        var scale = LevelScale.From(z.Test.Extractor.Priors, AdaptiveScale.LevelZ);
        Assert.Equal(z.Test.Features.Select(f => StrategyScorer.Score(HierarchyStrategy.Adaptive, f, scale)), z.TestScores["adaptive"]);
        Assert.Equal(sut.TestScores["weighted+bayes+siblings"], z.TestScores["weighted+bayes+siblings"]);

        // lambda 1 in the raw form is weighted+bayes+siblings, list for list.
        var one = SixCandidateRunner.Run(World, Options("weighted+bayes+siblings", "adaptive") with { AdaptiveScale = AdaptiveScale.Raw, PriorConfidence = 1 });
        Assert.Equal(one.TestScores["weighted+bayes+siblings"], one.TestScores["adaptive"]);
    }

    [Fact]
    public void Run_CatalogueZ_PairsEveryClassifierWithItsPerListScore()
    {
        var sut = SixCandidateRunner.Run(World, Options("logistic", "lightgbm") with { CatalogueZ = true });
        Assert.Equal(["logistic", "lightgbm"], sut.CatalogueZ.Select(r => r.Classifier).Order(StringComparer.Ordinal).Reverse());
        foreach (var row in sut.CatalogueZ)
        {
            Assert.Equal(sut.Results.Single(r => r.Name == row.Classifier).Accuracy, row.ListAccuracy, 12);
            Assert.InRange(row.CatalogueAccuracy, 0, 1);
            Assert.Equal(row.CatalogueAccuracy - row.ListAccuracy, row.Comparison.MeanDifference, 9);
        }
    }

    [Fact]
    public void Run_TinyHierarchyWorld_ReportsEveryModelDeterministically()
    {
        var sut = SixCandidateRunner.Run(World, Options());
        Assert.Equal(SixCandidateModels.All.Count, sut.Results.Count);
        Assert.All(sut.Results, r =>
        {
            Assert.Equal(sut.Users.Length, r.PerUser.Length);
            Assert.InRange(r.Accuracy, r.Low, r.High);
            Assert.InRange(r.Accuracy, 0, 1);
        });
        Assert.Equal(sut.TestCandidates, sut.Users.Length * 6);
        Assert.Equal(3 + SixCandidateModels.Classifiers.Count, sut.EnsembleWeights.Count);
        Assert.Equal(4, sut.Importances.Count);
        Assert.Equal(["max-genre", "weighted", "weighted+bayes+siblings", "adaptive", "learned-fallback"], sut.Steps.Take(5).Select(s => s.From));
        Assert.Empty(sut.MissingLevels);
        // The planted tastes make the hierarchy informative: far above the 0.5 of a coin toss.
        Assert.True(sut.Results.Single(r => r.Name == "adaptive").Accuracy > 0.65);
        Assert.All(sut.Classifiers.Values, c => Assert.NotEmpty(c.ModelBytes));

        var runs = SixCandidateRuns.From(sut, "tiny", "hash", 3, TimeProvider.System);
        Assert.All(runs, r => Assert.Equal(r.Means["accuracy"], 1 - r.Means["error-rate"], 9));
        var html = Evaluation.Reports.HtmlReport.Render(runs);
        Assert.Contains("Six-candidate results summary (tiny)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Skipped: no six-candidate run", html, StringComparison.Ordinal);

        var again = SixCandidateRunner.Run(World, Options());
        Assert.Equal(sut.Results.Select(r => (r.Name, r.Accuracy)), again.Results.Select(r => (r.Name, r.Accuracy)));
    }

    [Fact]
    public void Run_CatalogueWithoutAlbums_ReportsTheAlbumLevelMissing()
    {
        var sut = SixCandidateRunner.Run(WithoutAlbums(World), Options("weighted", "adaptive", "als-blend-raw", "als-album", "als-artist"));
        Assert.Equal(["album"], sut.MissingLevels);
        Assert.All(sut.Test.Features, f => Assert.Equal(FeatureSource.Missing, f.AlbumSource));
        Assert.DoesNotContain(sut.Results, r => r.Name == "als-album");
        Assert.Contains(sut.Results, r => r.Name == "als-artist");
        Assert.Empty(sut.Classifiers);
    }

    [Fact]
    public void Prepare_UnlabelledGivenLists_AreRefusedWithAClearMessage()
    {
        var unlabelled = Copy(World, World.TrackInfo, World.Ratings, new CandidateTable { Users = [0, 0, 0, 0, 0, 0], Tracks = [0, 1, 2, 3, 4, 5], Labels = [-1, -1, -1, -1, -1, -1] });
        var ex = Assert.Throws<DataFormatException>(() => SixCandidateData.Prepare(unlabelled, Options() with { UseGivenCandidates = true }));
        Assert.Contains("unlabelled", ex.Message);
        var lopsided = Copy(World, World.TrackInfo, World.Ratings, new CandidateTable { Users = [0, 0, 0, 0, 0, 0], Tracks = [0, 1, 2, 3, 4, 5], Labels = [1, 1, 1, 1, 0, 0] });
        Assert.Contains("expected exactly 3", Assert.Throws<DataFormatException>(() => SixCandidateData.Prepare(lopsided, Options() with { UseGivenCandidates = true })).Message);
    }

    [Fact]
    public void Options_UnknownModel_IsRejected() =>
        Assert.Throws<ArgumentException>(() => SixCandidateRunner.Run(World, Options("weighted", "nope")));

    /// <summary>The IUM shape: tracks -> artists -> genres, no albums at all.</summary>
    private static MusicDataset WithoutAlbums(MusicDataset d)
    {
        var t = d.TrackInfo;
        var tracks = new TrackTable
        {
            Titles = t.Titles,
            Artists = t.Artists,
            Albums = [.. t.Albums.Select(_ => Missing.Id)],
            Genres = t.Genres,
            DurationsMs = t.DurationsMs,
            ReleaseDates = t.ReleaseDates,
            Popularity = t.Popularity,
            Explicit = t.Explicit,
            Audio = t.Audio,
            EmbeddingDimension = t.EmbeddingDimension,
            Embeddings = t.Embeddings,
        };
        var keep = Enumerable.Range(0, d.Ratings.Count).Where(i => d.Ratings.Levels[i] != EntityLevel.Album).ToArray();
        var ratings = new RatingTable
        {
            Users = [.. keep.Select(i => d.Ratings.Users[i])],
            Levels = [.. keep.Select(i => d.Ratings.Levels[i])],
            Targets = [.. keep.Select(i => d.Ratings.Targets[i])],
            Values = [.. keep.Select(i => d.Ratings.Values[i])],
            Timestamps = [.. keep.Select(i => d.Ratings.Timestamps[i])],
        };
        return Copy(d, tracks, ratings, d.Candidates, new Core.Ids.IdMap());
    }

    private static MusicDataset Copy(MusicDataset d, TrackTable tracks, RatingTable ratings, CandidateTable candidates, Core.Ids.IdMap? albums = null) => new()
    {
        Source = d.Source,
        ItemLevel = d.ItemLevel,
        Users = d.Users,
        Tracks = d.Tracks,
        Artists = d.Artists,
        Albums = albums ?? d.Albums,
        Genres = d.Genres,
        Playlists = d.Playlists,
        Tags = d.Tags,
        TrackInfo = tracks,
        ArtistInfo = d.ArtistInfo,
        AlbumInfo = albums is null ? d.AlbumInfo : NamedEntityTable.Empty(0),
        UserInfo = d.UserInfo,
        Events = d.Events,
        Ratings = ratings,
        PlaylistInfo = d.PlaylistInfo,
        TagAssignments = d.TagAssignments,
        Friendships = d.Friendships,
        Candidates = candidates,
    };
}
