using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Tests.Contract;

/// <summary>
/// The contract every model must meet. A model's test class derives from this and supplies a trainer;
/// the suite checks planted-structure recovery, batch = single, filters, save / load, empty and unseen
/// users, k beyond the catalogue and cancellation.
/// </summary>
public abstract class RecommenderContractTests
{
    private TrainingData? _data;
    private IRecommender? _model;

    /// <summary>The planted data the suite trains on (content models add item features to it).</summary>
    protected TrainingData Data => _data ??= CreateData();

    /// <summary>Override to add side information; the matrix must stay <see cref="PlantedBlocks.Create"/>'s.</summary>
    protected virtual TrainingData CreateData() => PlantedBlocks.Create();

    /// <summary>A trainer with settings suited to the 96 x 48 planted matrix.</summary>
    protected abstract IRecommenderTrainer CreateTrainer();

    /// <summary>Share of top-3 recommendations that must fall in the user's own block.</summary>
    protected virtual double RequiredPlantedPrecision => 0.9;

    /// <summary>False for models that rank the same list for everyone (popularity).</summary>
    protected virtual bool IsPersonalised => true;

    protected IRecommender Model => _model ??= CreateTrainer().Fit(Data);

    [Fact]
    public void Recommend_PlantedBlocks_RanksOwnBlockFirst()
    {
        if (!IsPersonalised) return;
        var users = Enumerable.Range(0, PlantedBlocks.UserCount).Where(u => Data.Interactions.RowLength(u) > 0).ToArray();
        var batch = Model.Recommend(users, 3);
        int hits = 0, total = 0;
        for (var i = 0; i < users.Length; i++)
        {
            foreach (var item in batch.ItemsOf(i))
            {
                total++;
                if (PlantedBlocks.BlockOfItem(item) == PlantedBlocks.GroupOfUser(users[i])) hits++;
            }
        }
        Assert.True(total > 0);
        Assert.True(hits >= RequiredPlantedPrecision * total, $"only {hits} of {total} recommendations in the user's own block");
    }

    [Fact]
    public void Recommend_Batch_EqualsSingleCalls()
    {
        int[] users = [0, 5, 30, 77, PlantedBlocks.EmptyUser];
        var batch = Model.Recommend(users, 5);
        for (var i = 0; i < users.Length; i++)
        {
            var (items, scores) = Model.RecommendOne(users[i], 5);
            Assert.Equal(items, batch.ItemsOf(i).ToArray());
            Assert.Equal(scores, batch.ScoresOf(i).ToArray());
        }
    }

    [Fact]
    public void Recommend_ExcludeSeen_NeverReturnsTrainingItems()
    {
        var users = Enumerable.Range(0, PlantedBlocks.UserCount).ToArray();
        var batch = Model.Recommend(users, 10);
        for (var i = 0; i < users.Length; i++)
        {
            var seen = Data.Interactions.RowIndices(users[i]).ToArray();
            Assert.DoesNotContain(batch.ItemsOf(i).ToArray(), seen.Contains);
        }
    }

    [Fact]
    public void Recommend_ExcludeAndAllowLists_AreHonoured()
    {
        int[] exclude = [0, 1, 2, 3, 4, 5];
        int[] allow = [10, 11, 20, 21, 30, 31, 40, 41];
        var excluded = Model.Recommend([1], 20, new RecommendOptions { Exclude = exclude });
        Assert.DoesNotContain(excluded.ItemsOf(0).ToArray(), exclude.Contains);
        var allowed = Model.Recommend([1], 20, new RecommendOptions { Allow = allow, ExcludeSeen = false });
        Assert.All(allowed.ItemsOf(0).ToArray(), item => Assert.Contains(item, allow));
    }

    [Fact]
    public void Recommend_ResultsAreSortedAndDistinct()
    {
        var batch = Model.Recommend([2, 40], 15);
        for (var i = 0; i < 2; i++)
        {
            var scores = batch.ScoresOf(i).ToArray();
            for (var j = 1; j < scores.Length; j++) Assert.True(scores[j - 1] >= scores[j]);
            Assert.Equal(batch.ItemsOf(i).Length, batch.ItemsOf(i).ToArray().Distinct().Count());
        }
    }

    [Fact]
    public void Recommend_KBeyondCatalogue_ReturnsAtMostCatalogue()
    {
        var batch = Model.Recommend([3], 1000, new RecommendOptions { ExcludeSeen = false });
        Assert.InRange(batch.ItemsOf(0).Length, 1, PlantedBlocks.ItemCount);
    }

    [Fact]
    public void Recommend_EmptyUser_DoesNotThrow()
    {
        var batch = Model.Recommend([PlantedBlocks.EmptyUser], 5);
        Assert.InRange(batch.ItemsOf(0).Length, 0, 5);
    }

    [Fact]
    public void Score_MatchesRecommendScores()
    {
        var (items, scores) = Model.RecommendOne(7, 5);
        var scored = new float[items.Length];
        Model.Score(7, items, scored);
        for (var i = 0; i < items.Length; i++) Assert.Equal(scores[i], scored[i], 4);
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalScores()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-contract-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(Model, path);
            var loaded = ModelLoader.Load(path);
            Assert.Equal(Model.ModelName, loaded.ModelName);
            Assert.Equal(Model.Users.Ids, loaded.Users.Ids);
            Assert.Equal(Model.Items.Ids, loaded.Items.Ids);
            int[] users = [0, 9, 50, 95];
            var a = Model.Recommend(users, 8);
            var b = loaded.Recommend(users, 8);
            Assert.Equal(a.Items, b.Items);
            Assert.Equal(a.Scores, b.Scores);
            Assert.Equal(a.Counts, b.Counts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_TruncatedFile_FailsWithClearMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-contract-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(Model, path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var error = Assert.Throws<ModelFormatException>(() => ModelLoader.Load(path));
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RecommendFromHistory_UnseenUser_GetsTheirBlock()
    {
        if (Model is not IHistoryRecommender history || !IsPersonalised) return;
        int[] items = [2 * PlantedBlocks.ItemsPerBlock + 1, 2 * PlantedBlocks.ItemsPerBlock + 4, 2 * PlantedBlocks.ItemsPerBlock + 7];
        float[] values = [3, 2, 4];
        var (recommended, _) = history.RecommendFromHistory(items, values, 3);
        Assert.NotEmpty(recommended);
        Assert.All(recommended, item => Assert.Equal(2, PlantedBlocks.BlockOfItem(item)));
        Assert.DoesNotContain(recommended, items.Contains);
    }

    [Fact]
    public void SimilarItems_WhenSupported_FindsSameBlock()
    {
        if (Model is not ISimilarItems similar || !IsPersonalised) return;
        var (items, _) = similar.SimilarItems(13, 4);
        Assert.NotEmpty(items);
        Assert.DoesNotContain(13, items);
        Assert.True(items.Count(i => PlantedBlocks.BlockOfItem(i) == 1) >= 3);
    }

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CreateTrainer().Fit(Data, null, cts.Token));
    }

    [Fact]
    public void Fit_SameSeed_GivesSameRecommendations()
    {
        var other = CreateTrainer().Fit(Data);
        int[] users = [0, 25, 50, 75];
        Assert.Equal(Model.Recommend(users, 6).Items, other.Recommend(users, 6).Items);
    }
}
