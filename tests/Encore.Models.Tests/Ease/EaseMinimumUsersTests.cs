using Encore.Core.Sparse;
using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Files;
using Encore.Models.Training;

namespace Encore.Models.Tests.Ease;

/// <summary>EASE restricted to items with at least m training users (<see cref="EaseOptions.MinimumUsers"/>).</summary>
public sealed class EaseMinimumUsersTests
{
    private const double Lambda = 3;

    // 40 users x 15 items, values 1..3 at seeded random cells of items 0..9; item 10 has no user, item 11 two users,
    // items 12..14 one user each.
    private static readonly CsrMatrix Mixed = BuildMixed();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public void Fit_MinimumUsers_EqualsPlainEaseOnTheRestrictedMatrix(int minimumUsers)
    {
        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = Lambda, MinimumUsers = minimumUsers }).Fit(TrainingData.FromMatrix(Mixed));
        var (modelled, restricted) = RestrictByLoop(Mixed, minimumUsers);
        Assert.InRange(modelled.Length, 1, Mixed.Columns - 2);
        var expected = EaseReference.Weights(restricted, Lambda);
        var full = new double[Mixed.Columns, Mixed.Columns];
        for (var a = 0; a < modelled.Length; a++)
            for (var b = 0; b < modelled.Length; b++) full[modelled[a], modelled[b]] = expected[a, b];
        for (var j = 0; j < Mixed.Columns; j++)
        {
            var row = sut.WeightsOf(j);
            for (var i = 0; i < Mixed.Columns; i++) Assert.Equal(full[j, i], row[i], 4);
        }
        Assert.Equal((long)modelled.Length * modelled.Length, sut.WeightCount);
        // Scores: the definition's sum over the history, with zero weights for the items left out.
        var all = Enumerable.Range(0, Mixed.Columns).ToArray();
        var scores = new float[all.Length];
        for (var u = 0; u < Mixed.Rows; u++)
        {
            sut.Score(u, all, scores);
            for (var i = 0; i < all.Length; i++)
            {
                var sum = 0.0;
                var items = Mixed.RowIndices(u);
                for (var p = 0; p < items.Length; p++) sum += Mixed.RowValues(u)[p] * full[items[p], i];
                Assert.Equal(sum, scores[i], 4);
            }
        }
    }

    [Fact]
    public void Fit_MinimumUsersWithNeighbours_KeepsTheLargestRestrictedWeights()
    {
        const int neighbours = 3;
        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = Lambda, MinimumUsers = 2, Neighbours = neighbours }).Fit(TrainingData.FromMatrix(Mixed));
        var (modelled, restricted) = RestrictByLoop(Mixed, 2);
        var expected = EaseReference.Weights(restricted, Lambda);
        Assert.True(sut.IsSparse);
        for (var a = 0; a < modelled.Length; a++)
        {
            var kept = Enumerable.Range(0, modelled.Length).Where(b => expected[a, b] > 0)
                .OrderByDescending(b => expected[a, b]).Take(neighbours).ToHashSet();
            var row = sut.WeightsOf(modelled[a]);
            for (var b = 0; b < modelled.Length; b++)
                Assert.Equal(kept.Contains(b) ? expected[a, b] : 0, row[modelled[b]], 4);
        }
        foreach (var left in Enumerable.Range(0, Mixed.Columns).Except(modelled))
            Assert.All(sut.WeightsOf(left), w => Assert.Equal(0f, w));
    }

    [Fact]
    public void Recommend_PlantedBlocksWithRareItems_RareItemsLeftOutAtTwoUsers()
    {
        // Users 0..9 play three of items 0..4, users 10..19 three of items 5..9; items 10..13 are played once each by users 0..3.
        var rows = new List<int>();
        var columns = new List<int>();
        for (var u = 0; u < 20; u++)
            for (var d = 0; d < 3; d++)
            {
                rows.Add(u);
                columns.Add((u < 10 ? 0 : 5) + (u + d) % 5);
            }
        for (var u = 0; u < 4; u++)
        {
            rows.Add(u);
            columns.Add(10 + u);
        }
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(20, 14, [.. rows], [.. columns], [.. Enumerable.Repeat(1f, rows.Count)]));
        var plain = new EaseTrainer(new EaseOptions { Lambda = 1 }).Fit(data);
        var sut = new EaseTrainer(new EaseOptions { Lambda = 1, MinimumUsers = 2 }).Fit(data);
        var users = Enumerable.Range(0, 20).ToArray();
        var plainBatch = plain.Recommend(users, 5);
        var batch = sut.Recommend(users, 5);
        // Plain EASE recommends the rare items to the users who share a block with their one listener.
        Assert.Contains(Enumerable.Range(4, 6), u => plainBatch.ItemsOf(u).ToArray().Any(i => i >= 10));
        for (var u = 0; u < 20; u++)
        {
            var items = batch.ItemsOf(u).ToArray();
            Assert.Equal(2, items.Length); // the two unseen items of the own block, nothing else has evidence
            Assert.All(items, i => Assert.InRange(i, u < 10 ? 0 : 5, u < 10 ? 4 : 9));
        }
    }

    [Fact]
    public void Fit_MinimumUsersOne_IsPlainEaseBitForBit()
    {
        var data = TrainingData.FromMatrix(Mixed);
        var plain = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = Lambda }).Fit(data);
        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = Lambda, MinimumUsers = 1 }).Fit(data);
        Assert.Equal(1, new EaseOptions().MinimumUsers);
        for (var j = 0; j < Mixed.Columns; j++) Assert.Equal(plain.WeightsOf(j), sut.WeightsOf(j));
    }

    /// <summary>
    /// <c>encore train ium23 --model ease</c> inverted 21,608 x 21,608 (297 s) though only 4,960 tracks were listened
    /// to: an item without a training user (item 10 here) is left out at the default m = 1, and every weight still
    /// equals plain EASE over the whole matrix (its zero column makes P block diagonal).
    /// </summary>
    [Fact]
    public void Fit_Default_LeavesOutOnlyItemsWithoutUsersAndEqualsPlainEase()
    {
        var trainer = new EaseTrainer(new EaseOptions { Lambda = Lambda });
        var data = TrainingData.FromMatrix(Mixed);
        Assert.Equal(Mixed.Columns - 1, trainer.ModelledItemCount(data));
        var sut = (EaseModel)trainer.Fit(data);
        Assert.Equal((long)(Mixed.Columns - 1) * (Mixed.Columns - 1), sut.WeightCount);
        var expected = EaseReference.Weights(Mixed, Lambda);
        for (var j = 0; j < Mixed.Columns; j++)
        {
            var row = sut.WeightsOf(j);
            for (var i = 0; i < Mixed.Columns; i++) Assert.Equal(expected[j, i], row[i], 4);
        }
    }

    [Fact]
    public void Fit_MinimumUsersAboveEveryItem_ModelWithoutWeightsAndPopularityAnswers()
    {
        var data = TrainingData.FromMatrix(Mixed);
        var trainer = new EaseTrainer(new EaseOptions { Lambda = Lambda, MinimumUsers = 1_000 });
        Assert.Equal(0, trainer.ModelledItemCount(data));
        var sut = (EaseModel)trainer.Fit(data);
        Assert.Equal(0, sut.WeightCount);
        var batch = sut.Recommend(Enumerable.Range(0, Mixed.Rows).ToArray(), 5);
        Assert.All(Enumerable.Range(0, Mixed.Rows), u => Assert.Equal(0, batch.ItemsOf(u).Length));
        var answer = new ColdStartRecommender(sut).Recommend(new ColdStartRequest { UserId = "3" }, 5);
        Assert.Equal(RecommendationPath.Popularity, answer.Path);
        Assert.True(answer.ModelWithoutEvidence);
        Assert.Equal(5, answer.Items.Length);
    }

    [Fact]
    public void Recommend_HistoryOfLeftOutItemsOnly_PopularityAnswersAsModelWithoutEvidence()
    {
        // A new user plays only item 10 (then its one listener): no modelled item in the history at m = 2.
        var rows = Enumerable.Range(0, Mixed.Rows).SelectMany(u => Enumerable.Repeat(u, Mixed.RowLength(u))).Append(Mixed.Rows).ToArray();
        var columns = Mixed.ColumnIndices.ToArray().Append(10).ToArray();
        var values = Mixed.Values.ToArray().Append(1f).ToArray();
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(Mixed.Rows + 1, Mixed.Columns, rows, columns, values));
        var sut = new EaseTrainer(new EaseOptions { Lambda = Lambda, MinimumUsers = 2 }).Fit(data);
        var answer = new ColdStartRecommender(sut).Recommend(new ColdStartRequest { UserId = Mixed.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture) }, 5);
        Assert.True(answer.ModelWithoutEvidence);
        Assert.Equal(RecommendationPath.Popularity, answer.Path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void SaveLoad_Restricted_GivesIdenticalScores(int neighbours)
    {
        var model = new EaseTrainer(new EaseOptions { Lambda = Lambda, MinimumUsers = 2, Neighbours = neighbours }).Fit(TrainingData.FromMatrix(Mixed));
        var path = Path.Combine(Path.GetTempPath(), $"encore-ease-m-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(model, path);
            var loaded = (EaseModel)ModelLoader.Load(path);
            var all = Enumerable.Range(0, Mixed.Columns).ToArray();
            var expected = new float[all.Length];
            var actual = new float[all.Length];
            for (var u = 0; u < Mixed.Rows; u++)
            {
                model.Score(u, all, expected);
                loaded.Score(u, all, actual);
                Assert.Equal(expected, actual);
            }
            Assert.Equal(((EaseModel)model).WeightCount, loaded.WeightCount);
            loaded.Dispose();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_MinimumUsersSetting_BindsAndValidates()
    {
        var trainer = (EaseTrainer)TrainerCatalog.Create("ease", TrainerCatalog.ParseSettings(["minimum-users=3", "lambda=200"]));
        Assert.Equal(3, trainer.Options.MinimumUsers);
        Assert.Contains(new ModelSetting("minimum-users", "integer", "1"), TrainerCatalog.Settings("ease"));
        var error = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("ease", TrainerCatalog.ParseSettings(["minimum-users=0"])));
        Assert.Contains("minimum-users=0", error.Message, StringComparison.Ordinal);
    }

    // The items with at least m users and X over their columns only, by a plain loop from the definition.
    private static (int[] Modelled, CsrMatrix Restricted) RestrictByLoop(CsrMatrix x, int minimumUsers)
    {
        var users = new int[x.Columns];
        for (var u = 0; u < x.Rows; u++)
            foreach (var i in x.RowIndices(u)) users[i]++;
        var modelled = Enumerable.Range(0, x.Columns).Where(i => users[i] >= minimumUsers).ToArray();
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        for (var u = 0; u < x.Rows; u++)
            for (var p = 0; p < x.RowLength(u); p++)
            {
                var at = Array.IndexOf(modelled, x.RowIndices(u)[p]);
                if (at < 0) continue;
                rows.Add(u);
                columns.Add(at);
                values.Add(x.RowValues(u)[p]);
            }
        return (modelled, CsrMatrix.FromTriples(x.Rows, modelled.Length, [.. rows], [.. columns], [.. values]));
    }

    private static CsrMatrix BuildMixed()
    {
        var random = new Random(7);
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        void Add(int u, int i, float v)
        {
            rows.Add(u);
            columns.Add(i);
            values.Add(v);
        }
        for (var u = 0; u < 40; u++)
            for (var i = 0; i < 10; i++)
                if (random.NextDouble() < 0.08 + 0.04 * i) Add(u, i, 1 + random.Next(3));
        Add(3, 11, 2);
        Add(17, 11, 1);
        Add(5, 12, 1);
        Add(8, 13, 3);
        Add(30, 14, 1);
        return CsrMatrix.FromTriples(40, 15, [.. rows], [.. columns], [.. values]);
    }
}
