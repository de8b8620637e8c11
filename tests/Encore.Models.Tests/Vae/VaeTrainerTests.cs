using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Tests.Contract;
using Encore.Models.Tests.Factorization;
using Encore.Models.Training;
using Encore.Models.Vae;

namespace Encore.Models.Tests.Vae;

public sealed class VaeTrainerTests
{
    private static readonly VaeOptions Small = new() { Hidden = 16, Latent = 4, Epochs = 60, BatchSize = 10, LearningRate = 0.01, Threads = 1 };

    /// <summary>40 users x 20 items: users 0-19 play 6 of items 0-9, users 20-39 play 6 of items 10-19 (a rotating window).</summary>
    private static TrainingData TwoTastes()
    {
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        for (var u = 0; u < 40; u++)
        {
            var offset = u < 20 ? 0 : 10;
            for (var j = 0; j < 6; j++)
            {
                rows.Add(u);
                columns.Add(offset + ((u + j) % 10));
                values.Add(1 + ((u + j) % 3));
            }
        }
        return TrainingData.FromMatrix(CsrMatrix.FromTriples(40, 20, [.. rows], [.. columns], [.. values]));
    }

    [Theory]
    [InlineData(VaeKind.Vae)]
    [InlineData(VaeKind.Dae)]
    public void Fit_TwoDisjointTastes_RanksTheGroupsUnseenItemsFirst(VaeKind kind)
    {
        var sut = new VaeTrainer(Small with { Kind = kind }).Fit(TwoTastes());
        for (var u = 0; u < 40; u++)
        {
            // Each user has 4 unseen items of their group: all four come before any item of the other group.
            var (items, _) = sut.RecommendOne(u, 4);
            Assert.Equal(4, items.Length);
            Assert.All(items, item => Assert.Equal(u < 20, item < 10));
        }
    }

    [Fact]
    public void Fit_Progress_OneReportPerEpochAndTheLossFalls()
    {
        var reports = new List<EpochReport>();
        new VaeTrainer(Small).Fit(TwoTastes(), new AlsTrainerTests.ListProgress(reports));
        Assert.Equal(Small.Epochs, reports.Count);
        Assert.All(reports, r => Assert.True(double.IsFinite(r.Loss)));
        Assert.True(reports[^1].Loss < 0.8 * reports[0].Loss, $"{reports[0].Loss} -> {reports[^1].Loss}");
    }

    [Fact]
    public void Fit_SameSeed_SameScores_OtherSeed_OtherScores()
    {
        var data = TwoTastes();
        float[] Scores(VaeOptions o)
        {
            var model = new VaeTrainer(o).Fit(data);
            var items = Enumerable.Range(0, 20).ToArray();
            var scores = new float[20];
            model.Score(3, items, scores);
            return scores;
        }
        var options = Small with { Epochs = 5 };
        Assert.Equal(Scores(options), Scores(options));
        Assert.NotEqual(Scores(options), Scores(options with { Seed = 43 }));
        Assert.Equal(Scores(options with { Threads = 2 }), Scores(options with { Threads = 2 }));
    }

    [Fact]
    public void RecommendFromHistory_AUsersOwnRow_EqualsScoringTheUser()
    {
        var data = TwoTastes();
        var sut = new VaeTrainer(Small with { Epochs = 10 }).Fit(data);
        for (var u = 0; u < 40; u += 7)
        {
            var (expectedItems, expectedScores) = sut.RecommendOne(u, 8);
            var (items, scores) = sut.RecommendFromHistory(data.Signal.RowIndices(u), data.Signal.RowValues(u), 8);
            Assert.Equal(expectedItems, items);
            Assert.Equal(expectedScores, scores);
        }
    }

    /// <summary>
    /// The batch decodes users eight at a time (each decoder row read once per block): every answer must still be the
    /// one-user path's bit for bit, across partial blocks, repeated users and a user without signal (no answer).
    /// </summary>
    [Fact]
    public void Recommend_Batch_EqualsEachUsersRowScoredAlone()
    {
        var two = TwoTastes().Signal;
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        for (var u = 0; u < two.Rows; u++)
            for (var p = 0; p < two.RowLength(u); p++)
            {
                rows.Add(u);
                columns.Add(two.RowIndices(u)[p]);
                values.Add(two.RowValues(u)[p]);
            }
        // User 40 has no events.
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(41, 20, [.. rows], [.. columns], [.. values]));
        var sut = new VaeTrainer(Small with { Epochs = 10 }).Fit(data);
        int[] users = [5, 40, 0, 39, 5, 12, 21, 33, 7, 40, 18, 2, 30, 25, 11, 9, 38];

        var batch = sut.Recommend(users, 6);

        for (var i = 0; i < users.Length; i++)
        {
            var (items, scores) = users[i] == 40 ? ([], []) : sut.RecommendFromHistory(data.Signal.RowIndices(users[i]), data.Signal.RowValues(users[i]), 6);
            Assert.Equal(items, batch.ItemsOf(i).ToArray());
            Assert.Equal(scores, batch.ScoresOf(i).ToArray());
        }
        Assert.Equal(0, batch.Counts[1]);
    }

    [Fact]
    public void RecommendFromHistory_NoModelledItem_AnswersNothing()
    {
        // Item 19 has one user: with minimum-users 2 it is not modelled, so a history of it alone gives the encoder nothing.
        var m = CsrMatrix.FromTriples(4, 20, [0, 0, 1, 1, 2, 3], [0, 1, 0, 1, 0, 19], [1f, 1f, 1f, 1f, 1f, 1f]);
        var sut = new VaeTrainer(Small with { Epochs = 2, MinimumUsers = 2 }).Fit(TrainingData.FromMatrix(m));
        Assert.Equal(2, sut.ModelledItemCount);
        Assert.Empty(sut.RecommendFromHistory([19], [1f], 5).Items);
        Assert.Empty(sut.RecommendFromHistory([0], [-1f], 5).Items);
        Assert.Equal([1], sut.RecommendFromHistory([0], [1f], 5).Items);
    }

    [Fact]
    public void Fit_MinimumUsers_LeavesRareItemsOutOfEveryAnswer()
    {
        var data = TwoTastes();
        var sut = new VaeTrainer(Small with { Epochs = 2 }).Fit(data);
        Assert.Equal(20, sut.ModelledItemCount);
        Assert.Equal([0, 1], VaeTrainer.Modelled(CsrMatrix.FromTriples(3, 3, [0, 1, 1, 2], [0, 0, 1, 1], [1f, 1f, 1f, 1f]), 2));
        Assert.Equal([0, 1], VaeTrainer.Modelled(CsrMatrix.FromTriples(3, 3, [0, 1, 1, 2], [0, 0, 1, 1], [1f, 1f, 1f, 1f]), 1));
    }

    [Fact]
    public void Catalog_BindsEveryOption()
    {
        var sut = (VaeTrainer)TrainerCatalog.Create("vae", TrainerCatalog.ParseSettings(
            ["kind=dae", "hidden=300", "latent=50", "dropout=0.3", "beta=0.4", "anneal-steps=1000", "learning-rate=0.002", "batch-size=128",
             "epochs=12", "weight-decay=0.001", "minimum-users=2", "seed=5", "threads=1"]));
        Assert.Equal(new VaeOptions
        {
            Kind = VaeKind.Dae,
            Hidden = 300,
            Latent = 50,
            Dropout = 0.3,
            Beta = 0.4,
            AnnealSteps = 1000,
            LearningRate = 0.002,
            BatchSize = 128,
            Epochs = 12,
            WeightDecay = 0.001,
            MinimumUsers = 2,
            Seed = 5,
            Threads = 1,
        }, sut.Options);
    }

    [Theory]
    [InlineData("hidden=0")]
    [InlineData("dropout=0.99")]
    [InlineData("epochs=0")]
    [InlineData("learning-rate=0")]
    [InlineData("kind=gan")]
    public void Catalog_BadValue_IsRefused(string setting) =>
        Assert.ThrowsAny<ArgumentException>(() => TrainerCatalog.Create("vae", TrainerCatalog.ParseSettings([setting])));

    [Fact]
    public void Fit_EmptyMatrix_GivesAModelThatAnswersNobody()
    {
        var sut = new VaeTrainer(Small).Fit(TrainingData.FromMatrix(CsrMatrix.FromTriples(3, 4, [], [], [])));
        Assert.Equal(0, sut.Recommend([0, 1, 2], 3).Counts.Sum());
    }
}

public sealed class VaeContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() =>
        new VaeTrainer(new VaeOptions { Hidden = 32, Latent = 8, Epochs = 60, BatchSize = 16, LearningRate = 0.01, Threads = 1 });
}
