using Encore.Core.Errors;
using Encore.Core.Sparse;
using Encore.Models.Content.Affinity;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Tests.Content;

public sealed class AffinityTrainerTests
{
    [Fact]
    public void Fit_FewerThanTenSamples_RefusesAndNamesTheCount()
    {
        // 2 users x 2 items each + 2 negatives each = 8 labelled rows.
        var matrix = CsrMatrix.FromTriples(2, 6, [0, 0, 1, 1], [0, 1, 2, 3], [1, 1, 1, 1]);
        var data = new TrainingData(TrainingData.FromMatrix(matrix).Interactions, TrainingData.FromMatrix(matrix).Users, TrainingData.FromMatrix(matrix).Items)
        {
            ItemFeatures = new ItemFeatures(2, [1, 0, 0, 1, 1, 1, 0.5f, 0.2f, 0.1f, 0.9f, 0.3f, 0.3f]),
        };
        var sut = new AffinityTrainer();
        var error = Assert.Throws<ModelFitException>(() => sut.Fit(data));
        Assert.Contains("only 8 labelled rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SingleClass_RefusesAndNamesTheCounts()
    {
        // Every user has every item: no negative can be sampled.
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < 4; u++)
            for (var i = 0; i < 4; i++) { rows.Add(u); cols.Add(i); }
        var matrix = CsrMatrix.FromTriples(4, 4, [.. rows], [.. cols], [.. Enumerable.Repeat(1f, rows.Count)]);
        var plain = TrainingData.FromMatrix(matrix);
        var data = new TrainingData(plain.Interactions, plain.Users, plain.Items)
        {
            ItemFeatures = new ItemFeatures(2, [1, 0, 0, 1, 1, 1, 0.5f, 0.2f]),
        };
        var error = Assert.Throws<ModelFitException>(() => new AffinityTrainer().Fit(data));
        Assert.Contains("16 positive, 0 negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoItemFeatures_SaysWhatIsMissing()
    {
        var error = Assert.Throws<ArgumentException>(() => new AffinityTrainer().Fit(Contract.PlantedBlocks.Create()));
        Assert.Contains("content vectors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_PlantedContent_HeldOutRowsAreMostlyRight()
    {
        var model = (AffinityModel)new AffinityTrainer(new AffinityOptions { NegativeRatio = 2, L2Regularization = 0.01 }).Fit(PlantedContent.Create());
        var v = model.Validation;
        Assert.True(v.Labels.Length > 50);
        Assert.Equal(v.Labels.Length, v.Probabilities.Length);
        var correct = v.Labels.Where((label, i) => label == v.Probabilities[i] >= 0.5f).Count();
        Assert.True(correct >= 0.8 * v.Labels.Length, $"{correct} of {v.Labels.Length} held-out rows right");
    }

    [Fact]
    public void Probability_MatchesTheSigmoidOfTheScore()
    {
        var model = (AffinityModel)new AffinityTrainer(new AffinityOptions { L2Regularization = 0.01 }).Fit(PlantedContent.Create());
        var scores = new float[1];
        model.Score(3, [5], scores);
        Assert.Equal(1 / (1 + Math.Exp(-scores[0])), model.Probability(3, 5), 5);
    }

    [Fact]
    public void Fit_PopularityFeature_ScoresAddItsWeightTimesTheTracksPopularity()
    {
        var data = PlantedContent.Create();
        var with = (AffinityModel)new AffinityTrainer().Fit(data);
        var without = (AffinityModel)new AffinityTrainer(new AffinityOptions { PopularityFeature = false }).Fit(data);
        Assert.Equal(without.Weights.Length + 1, with.Weights.Length);
        Assert.False(without.PopularityFeature);
        // Ranking all items and scoring them one by one agree (the popularity term is in both paths).
        var all = with.Recommend([1], with.Items.Count, new Encore.Models.Contract.RecommendOptions { ExcludeSeen = false });
        var single = new float[1];
        for (var r = 0; r < 5; r++)
        {
            with.Score(1, [all.ItemsOf(0)[r]], single);
            Assert.Equal(all.ScoresOf(0)[r], single[0], 4);
        }
    }

    [Fact]
    public void SaveLoad_KeepsTransformAndValidation()
    {
        var model = (AffinityModel)new AffinityTrainer(new AffinityOptions { Components = 3 }).Fit(PlantedContent.Create());
        var path = Path.Combine(Path.GetTempPath(), $"encore-affinity-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(model, path);
            var loaded = Assert.IsType<AffinityModel>(ModelLoader.Load(path));
            Assert.Equal(3, loaded.Transform.OutputDimension);
            Assert.Equal(model.Transform.ExplainedVarianceRatio, loaded.Transform.ExplainedVarianceRatio);
            Assert.Equal(model.Validation.Probabilities, loaded.Validation.Probabilities);
            Assert.Equal(model.Validation.Labels, loaded.Validation.Labels);
            Assert.Equal(model.Weights.ToArray(), loaded.Weights.ToArray());
            Assert.True(loaded.PopularityFeature);
            var items = Enumerable.Range(0, model.Items.Count).ToArray();
            var before = new float[items.Length];
            var after = new float[items.Length];
            model.Score(2, items, before);
            loaded.Score(2, items, after);
            Assert.Equal(before, after);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
