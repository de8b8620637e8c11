using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Hierarchy;
using Encore.Models.Training;

namespace Encore.Models.Tests.Hierarchy;

/// <summary>The trained hierarchy model (issue 9): train from a rating dataset, save, load, score, explain.</summary>
public sealed class HierarchyModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-hier-").FullName;

    private static TrainingData Data => HierarchyFixture.Data;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static HierarchyModel Train(string predictor) => HierarchyFixture.Train(predictor);

    [Theory]
    [InlineData("weighted")]
    [InlineData("adaptive")]
    [InlineData("learned-fallback")]
    [InlineData("lightgbm")]
    [InlineData("ensemble")]
    public void SaveLoad_EveryKindOfPredictor_GivesIdenticalScoresAndLists(string predictor)
    {
        var model = Train(predictor);
        var path = Path.Combine(_dir, predictor + ".bin");
        ModelFile.Save(model, path);
        var loaded = Assert.IsType<HierarchyModel>(ModelLoader.Load(path));

        Assert.Equal(model.Predictor, loaded.Predictor);
        int[] list = [0, 5, 17, 42, 99, 123];
        foreach (var user in new[] { 0, 7, 31 })
        {
            var a = new float[list.Length];
            var b = new float[list.Length];
            model.Score(user, list, a);
            loaded.Score(user, list, b);
            Assert.Equal(a, b);
            Assert.All(a, s => Assert.True(float.IsFinite(s)));
        }
        var first = model.Recommend([0, 7], 10);
        var second = loaded.Recommend([0, 7], 10);
        Assert.Equal(first.Items.ToArray(), second.Items.ToArray());
        Assert.Equal(first.Scores.ToArray(), second.Scores.ToArray());
    }

    [Fact]
    public void SaveLoad_KeepsTheValidatedPriorAndFixedFitKeepsSpecs()
    {
        var model = Train("adaptive");
        Assert.True(model.PriorChoice.Validated);
        Assert.Equal(model.PriorChoice.Settings, model.Scorer.Priors.Settings);
        var path = Path.Combine(_dir, "prior.bin");
        ModelFile.Save(model, path);
        var loaded = Assert.IsType<HierarchyModel>(ModelLoader.Load(path));
        Assert.Equal(model.PriorChoice.Settings, loaded.PriorChoice.Settings);
        Assert.Equal((model.PriorChoice.ValidationAccuracy, model.PriorChoice.SpecAccuracy, model.PriorChoice.OffAccuracy, model.PriorChoice.Lists),
            (loaded.PriorChoice.ValidationAccuracy, loaded.PriorChoice.SpecAccuracy, loaded.PriorChoice.OffAccuracy, loaded.PriorChoice.Lists));
        Assert.Equal(model.PriorChoice.Settings, loaded.Scorer.Priors.Settings);
        Assert.Equal(PriorSettings.Spec(10), loaded.Scorer.FeaturePriors.Settings);
        Assert.True(model.AdaptiveChoice.Validated);
        Assert.Equal(AdaptiveScaleNames.Forms.Count, model.AdaptiveChoice.Accuracies.Count);
        Assert.Equal((model.AdaptiveChoice.Form, model.AdaptiveChoice.Lists), (loaded.AdaptiveChoice.Form, loaded.AdaptiveChoice.Lists));
        Assert.Equal(model.AdaptiveChoice.Accuracies, loaded.AdaptiveChoice.Accuracies);
        // The served adaptive: lambda and form chosen together on validation, saved and restored with the accuracies behind them.
        var confidence = model.ConfidenceChoice;
        Assert.True(confidence.Validated);
        Assert.Equal((confidence.Form, confidence.Confidence), (model.Scorer.Scale.Form, model.Scorer.Scale.PriorConfidence));
        Assert.Equal(AdaptiveScaleNames.Forms.Count * PriorConfidenceNames.Grid.Count, confidence.Accuracies.Count);
        Assert.Equal((confidence.Form, confidence.Confidence, confidence.Lists, confidence.StrictAccuracy),
            (loaded.ConfidenceChoice.Form, loaded.ConfidenceChoice.Confidence, loaded.ConfidenceChoice.Lists, loaded.ConfidenceChoice.StrictAccuracy));
        Assert.Equal(confidence.Forms, loaded.ConfidenceChoice.Forms);
        Assert.Equal(confidence.Accuracies, loaded.ConfidenceChoice.Accuracies);
        Assert.Equal((confidence.Form, confidence.Confidence), (loaded.Scorer.Scale.Form, loaded.Scorer.Scale.PriorConfidence));

        var fixedFit = (HierarchyModel)TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "adaptive", ["prior-fit"] = "fixed", ["prior-strength"] = "4" }).Fit(Data);
        Assert.False(fixedFit.PriorChoice.Validated);
        Assert.Equal(PriorSettings.Spec(4), fixedFit.Scorer.Priors.Settings);
    }

    [Theory]
    [InlineData("level-deviation", AdaptiveScale.LevelDeviation)]
    [InlineData("level-z", AdaptiveScale.LevelZ)]
    public void Fit_GivenAdaptiveScale_IsUsedAndSavedUnvalidated(string setting, AdaptiveScale form)
    {
        var model = (HierarchyModel)TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "adaptive", ["adaptive-scale"] = setting }).Fit(Data);
        Assert.Equal(form, model.Scorer.Scale.Form);
        Assert.False(model.AdaptiveChoice.Validated);
        var path = Path.Combine(_dir, setting + ".bin");
        ModelFile.Save(model, path);
        var loaded = Assert.IsType<HierarchyModel>(ModelLoader.Load(path));
        Assert.Equal(form, loaded.Scorer.Scale.Form);
        AssertSameScores(model, loaded);
    }

    // The prior-confidence record of a fixed lambda: tag, form, lambda, lists, strict accuracy, 0 forms, 0 accuracies.
    private const int FixedConfidenceRecord = 4 + 4 + 8 + 4 + 8 + 4 + 4;

    // The adaptive-scale record of a fixed form: tag, form, lists, 0 accuracies.
    private const int FixedScaleRecord = 16;

    [Fact]
    public void Load_FileWrittenBeforeTheAdaptiveScale_ReadsAsSpecsRawForm()
    {
        var model = (HierarchyModel)TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "adaptive", ["adaptive-scale"] = "raw", ["prior-confidence"] = "0" }).Fit(Data);
        var path = Path.Combine(_dir, "before.bin");
        ModelFile.Save(model, path);
        CutPayloadEnd(path, FixedScaleRecord + FixedConfidenceRecord, expectedTag: 0x50414441);

        var loaded = Assert.IsType<HierarchyModel>(ModelLoader.Load(path));
        Assert.Same(AdaptiveScaleChoice.Spec, loaded.AdaptiveChoice);
        Assert.Equal(AdaptiveScale.Raw, loaded.Scorer.Scale.Form);
        Assert.Equal(0, loaded.Scorer.Scale.PriorConfidence);
        AssertSameScores(model, loaded);
    }

    [Fact]
    public void Load_FileWrittenBeforeThePriorConfidence_ReadsAsStrictAdaptiveInItsSavedForm()
    {
        var model = (HierarchyModel)TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "adaptive", ["adaptive-scale"] = "level-deviation", ["prior-confidence"] = "0" }).Fit(Data);
        var path = Path.Combine(_dir, "before-confidence.bin");
        ModelFile.Save(model, path);
        CutPayloadEnd(path, FixedConfidenceRecord, expectedTag: 0x464E4F43);

        var loaded = Assert.IsType<HierarchyModel>(ModelLoader.Load(path));
        Assert.False(loaded.ConfidenceChoice.Validated);
        Assert.Equal((AdaptiveScale.LevelDeviation, 0.0), (loaded.ConfidenceChoice.Form, loaded.ConfidenceChoice.Confidence));
        Assert.Equal((AdaptiveScale.LevelDeviation, 0.0), (loaded.Scorer.Scale.Form, loaded.Scorer.Scale.PriorConfidence));
        AssertSameScores(model, loaded);
    }

    [Fact]
    public void Fit_GivenPriorConfidence_IsUsedSavedAndRejectedOutsideZeroToOne()
    {
        var model = (HierarchyModel)TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "learned-fallback", ["adaptive-scale"] = "raw", ["prior-confidence"] = "0.35" }).Fit(Data);
        Assert.Equal((AdaptiveScale.Raw, 0.35), (model.Scorer.Scale.Form, model.Scorer.Scale.PriorConfidence));
        Assert.False(model.ConfidenceChoice.Validated);
        var path = Path.Combine(_dir, "lambda.bin");
        ModelFile.Save(model, path);
        var loaded = Assert.IsType<HierarchyModel>(ModelLoader.Load(path));
        Assert.Equal(0.35, loaded.Scorer.Scale.PriorConfidence);
        AssertSameScores(model, loaded);

        var ex = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["prior-confidence"] = "1.5" }));
        Assert.Contains("prior-confidence", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[0, 1]", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Rewrites the model file at <paramref name="path"/> as if written before its last <paramref name="bytes"/> payload bytes existed
    /// (payload length and SHA-256 re-sealed). Layout: magic (8), version (4), name length (4), name, payload length (8), payload, SHA-256 (32).
    /// </summary>
    private static void CutPayloadEnd(string path, int bytes, int expectedTag)
    {
        var file = File.ReadAllBytes(path);
        var lengthAt = 16 + System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(12));
        var payloadLength = file.Length - lengthAt - 8 - 32;
        var oldLength = payloadLength - bytes;
        Assert.Equal(expectedTag, BitConverter.ToInt32(file, lengthAt + 8 + oldLength));
        var old = new byte[lengthAt + 8 + oldLength + 32];
        Array.Copy(file, old, lengthAt + 8 + oldLength);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(old.AsSpan(lengthAt), oldLength);
        System.Security.Cryptography.SHA256.HashData(old.AsSpan(lengthAt + 8, oldLength)).CopyTo(old.AsSpan(lengthAt + 8 + oldLength));
        File.WriteAllBytes(path, old);
    }

    private static void AssertSameScores(HierarchyModel model, HierarchyModel loaded)
    {
        int[] list = [0, 5, 17, 42, 99, 123];
        var (a, b) = (new float[list.Length], new float[list.Length]);
        model.Score(3, list, a);
        loaded.Score(3, list, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Auto_WithValidationLists_IsTheEnsembleOfFiveClassifiers()
    {
        var model = Train("auto");
        Assert.Equal(HierarchyPredictor.Ensemble, model.Predictor);
        Assert.Equal(5, model.Scorer.Classifiers.Count);
        Assert.Equal([.. HierarchyScorer.BaseMembers, "logistic", "decision-tree", "random-forest", "boosted-trees", "lightgbm"], model.Scorer.Ensemble!.Members);
        Assert.True(model.ValidationLists >= HierarchyTrainer.MinimumLists);
    }

    [Fact]
    public void ExplainCandidates_GivesTheScoreAndEveryFeatureWithItsSource()
    {
        var model = Train("ensemble");
        int[] list = [3, 8, 13, 21, 34, 55];
        var scores = new float[list.Length];
        model.Score(2, list, scores);
        var explained = model.ExplainCandidates(2, list);

        Assert.Equal(scores, explained.Select(e => e.Score));
        Assert.Equal(list, explained.Select(e => e.Item));
        foreach (var e in explained)
        {
            var names = e.Features.Select(f => f.Name).ToList();
            foreach (var n in new[] { "album_score", "artist_score", "genre_count", "genre_max", "genre_min", "genre_mean", "genre_variance", "adaptive", "learned-fallback", "als_flat", "lightgbm" })
                Assert.Contains(n, names);
            Assert.All(e.Features, f => Assert.Contains(f.Source, new[] { "user", "siblings", "bayes", "global", "missing", "derived", "model" }));
        }
    }

    [Fact]
    public void ExplainCandidates_HandWorkedExample_NamesEachLevelsSource()
    {
        // u0 rated album 0 (90) and t1 (70); t0 is on album 0, t2 on album 1 which nobody rated; t3 has no album.
        var catalogue = HandWorkedHierarchy.Catalogue();
        var ratings = HandWorkedHierarchy.Ratings(catalogue);
        var data = new TrainingData(ratings.At(HierarchyLevel.Track), Core.Ids.IdMap.FromIds(["u0", "u1", "u2"]), Core.Ids.IdMap.FromIds(["t0", "t1", "t2", "t3"]))
        {
            Hierarchy = new HierarchyInput(catalogue, ratings, null),
        };
        var model = (HierarchyModel)new HierarchyTrainer(new HierarchyOptions { PriorStrength = HandWorkedHierarchy.C }).Fit(data);
        Assert.Equal(HierarchyPredictor.Adaptive, model.Predictor);

        var u1 = model.ExplainCandidates(1, [0, 2, 3]);
        string Source(int i, string name) => u1[i].Features.Single(f => f.Name == name).Source;
        float Value(int i, string name) => u1[i].Features.Single(f => f.Name == name).Value;
        Assert.Equal("siblings", Source(0, "album_score")); // u1 rated t1, t0's sibling on album 0
        Assert.Equal(60f, Value(0, "album_score"));
        Assert.Equal("user", Source(0, "artist_score"));
        Assert.Equal("global", Source(1, "album_score")); // album 1: nobody rated it
        Assert.Equal("missing", Source(2, "album_score")); // t3 has no album
        Assert.Equal("missing", Source(1, "genre_mean")); // t2 has no genre
        Assert.Equal((float)HandWorkedHierarchy.Mu(100, 1), Value(2, "genre_mean"), 3);
        Assert.Equal("bayes", Source(2, "genre_mean"));
    }

    [Fact]
    public void Fit_PlainMatrixWithoutHierarchy_FallsBackToAdaptiveAndRefusesLearnedPredictors()
    {
        var matrix = Core.Sparse.CsrMatrix.FromTriples(3, 4, [0, 0, 1, 2], [0, 1, 1, 2], [1f, 2f, 3f, 1f]);
        var plain = TrainingData.FromMatrix(matrix);
        var model = (HierarchyModel)TrainerCatalog.Create("hierarchy").Fit(plain);
        Assert.Equal(HierarchyPredictor.Adaptive, model.Predictor);
        Assert.False(model.Scorer.Catalogue.HasAlbums);

        var ex = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "lightgbm" }).Fit(plain));
        Assert.Contains("validation lists", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "nope" }));
    }

    [Fact]
    public void Load_GarbageClassifierBytes_IsACorruptModel()
    {
        var ex = Assert.Throws<ModelFormatException>(() => CandidateClassifier.Load(ClassifierKind.LightGbm, CandidateFeatureRows.Names, [], [1, 2, 3, 4, 5]));
        Assert.Contains("lightgbm classifier", ex.Message, StringComparison.Ordinal);
    }
}
