using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Online.Retraining;

namespace Encore.Online.Tests.Retraining;

/// <summary>
/// The refit on all data after a passed check used to be activated unchecked: a diverged refit (NaN factors) would have
/// gone live. It now passes a sanity check first (<see cref="SanityCheck"/>) or the checked candidate is activated instead.
/// </summary>
public sealed class SanityCheckTests
{
    /// <summary>Fits as <paramref name="inner"/> does, except that fit number <paramref name="diverging"/> (1 the candidate, 2 the refit on all data) diverges: NaN user factors.</summary>
    private sealed class Diverging(IRecommenderTrainer inner, int diverging) : IRecommenderTrainer
    {
        private int _fits;

        public string ModelName => inner.ModelName;

        public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
        {
            var model = inner.Fit(data, progress, cancellationToken);
            return ++_fits != diverging ? model : Poisoned((AlsModel)model, data);
        }
    }

    private static AlsModel Poisoned(AlsModel model, TrainingData data)
    {
        var users = model.UserFactors.ToArray();
        Array.Fill(users, float.NaN);
        return new AlsModel(data.Users, data.Items, data.Interactions, model.Dimensions, users, model.ItemFactors.ToArray(), model.Alpha, model.Regularization);
    }

    [Fact]
    public void RetrainNow_RefitDiverges_ActivatesTheCheckedCandidateAndSaysWhy()
    {
        using var scope = new EngineScope(o => o with { Retrain = new RetrainOptions { Factors = 8, Iterations = 5, EvaluationUsers = 50 } },
            baseDataset: new BaseDatasetSource(() => TestWorld.World.Dataset));
        var sut = new RetrainService(scope.Engine.Registry, scope.Engine.Events, scope.Engine.BaseDataset, scope.Options)
        {
            Trainers = options => new Diverging(TrainerFactory.Create(options), diverging: 2),
        };

        var result = sut.RetrainNow("main");

        Assert.True(result.Activated, result.Reason);
        Assert.Contains("the refit on all data failed its check (", result.Reason, StringComparison.Ordinal);
        Assert.Contains("factor values are not finite numbers (a diverged fit)), so the checked candidate (trained without the held-out tracks) was activated instead", result.Reason, StringComparison.Ordinal);
        var live = Assert.IsType<AlsModel>(scope.Engine.Registry.Active("main")!.Model);
        Assert.All(live.UserFactors.ToArray(), v => Assert.True(float.IsFinite(v)));
        Assert.Contains("the refit on all data failed its check", scope.Engine.Registry.List("main")[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrainNow_CandidateDivergesWithNothingActive_IsNotActivated()
    {
        // A first version needs no comparison, and NaN scores still give a finite NDCG: the candidate went live.
        using var scope = new EngineScope(o => o with { Retrain = new RetrainOptions { Factors = 8, Iterations = 5, EvaluationUsers = 50, RefitOnAllData = false } },
            baseDataset: new BaseDatasetSource(() => TestWorld.World.Dataset));
        var sut = new RetrainService(scope.Engine.Registry, scope.Engine.Events, scope.Engine.BaseDataset, scope.Options)
        {
            Trainers = options => new Diverging(TrainerFactory.Create(options), diverging: 1),
        };

        var result = sut.RetrainNow("main");

        Assert.False(result.Activated);
        Assert.StartsWith("not activated: the candidate failed its sanity check: ", result.Reason, StringComparison.Ordinal);
        Assert.Contains("factor values are not finite numbers (a diverged fit)", result.Reason, StringComparison.Ordinal);
        Assert.Null(scope.Engine.Registry.Active("main"));
        Assert.Empty(scope.Engine.Registry.List("main"));
    }

    [Fact]
    public void RetrainNow_HealthyRefit_IsActivatedWithoutANote()
    {
        using var scope = new EngineScope(o => o with { Retrain = new RetrainOptions { Factors = 8, Iterations = 5, EvaluationUsers = 50 } },
            baseDataset: new BaseDatasetSource(() => TestWorld.World.Dataset));

        var result = scope.Engine.Retrain.RetrainNow("main");

        Assert.True(result.Activated);
        Assert.DoesNotContain("refit", result.Reason, StringComparison.Ordinal);
        // The refit saw every pair: the live model's training row is the whole matrix, not the split's train part.
        Assert.Equal(result.Interactions, scope.Engine.Registry.Active("main")!.Model is AlsModel als ? als.Interactions.NonZeros : -1);
    }

    [Fact]
    public void Problem_NaNScoresFromAModelWithoutFactors_AreCaught()
    {
        var matrix = TestWorld.Matrix;
        var users = Enumerable.Range(0, 10).ToArray();

        var problem = SanityCheck.Problem(new NaNScores(TestWorld.Als), TestWorld.Als, matrix.Matrix, users, 10, 1);

        Assert.Equal("10 of 10 sampled users got scores that are not finite numbers (a diverged fit)", problem);
        Assert.Null(SanityCheck.Problem(TestWorld.Als, TestWorld.Als, matrix.Matrix, users, 10, 1));
        Assert.Equal("it answered no track to 10 of 10 sampled users whom the checked candidate answered",
            SanityCheck.Problem(new NaNScores(TestWorld.Als, silent: true), TestWorld.Als, matrix.Matrix, users, 10, 1));
    }

    /// <summary>Answers as <paramref name="inner"/> with every score NaN (or with no tracks at all when <paramref name="silent"/>).</summary>
    private sealed class NaNScores(IRecommender inner, bool silent = false) : IRecommender
    {
        public string ModelName => inner.ModelName;

        public Core.Ids.IdMap Users => inner.Users;

        public Core.Ids.IdMap Items => inner.Items;

        public RecommendationBatch Recommend(ReadOnlySpan<int> users, int k, RecommendOptions? options = null, CancellationToken cancellationToken = default)
        {
            var batch = inner.Recommend(users, k, options, cancellationToken);
            Array.Fill(batch.Scores, float.NaN);
            if (silent) Array.Clear(batch.Counts);
            return batch;
        }

        public void Score(int user, ReadOnlySpan<int> items, Span<float> scores) => inner.Score(user, items, scores);

        public void WritePayload(Models.Files.ModelWriter writer) => inner.WritePayload(writer);
    }
}
