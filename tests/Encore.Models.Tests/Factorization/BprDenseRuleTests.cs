using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// BPR on a dense matrix (<see cref="BprDenseRule"/>): from 1% of stored pairs, negatives uniform over the user's unseen items by
/// rejection with a bounded number of redraws; a user who has seen all but one item ends; planted taste is recovered.
/// </summary>
public sealed class BprDenseRuleTests
{
    // users x items, user u holding items u, u + 1, ..., u + perUser - 1 (mod items).
    private static CsrMatrix Rows(int users, int items, int perUser)
    {
        var (r, c) = (new List<int>(), new List<int>());
        for (var u = 0; u < users; u++)
            for (var k = 0; k < perUser; k++) { r.Add(u); c.Add((u + k) % items); }
        return CsrMatrix.FromTriples(users, items, [.. r], [.. c], [.. Enumerable.Repeat(1f, r.Count)]);
    }

    [Fact]
    public void Choose_DenseMatrix_UniformNegativesWithRedraws()
    {
        // 40 x 60 with 40 pairs a row: 66.7% stored.
        var (options, choices) = BprDenseRule.Choose(Rows(40, 60, 40), new BprOptions(), new BprOptions());

        Assert.Equal(NegativeSampling.Uniform, options.Negatives);
        Assert.Equal(BprDenseRule.Retries, options.NegativeRetries);
        Assert.Equal(100, options.Iterations);
        Assert.Equal(["negatives", "negative-retries"], choices.Select(c => c.Setting));
        Assert.Contains("66.67% of the user x item pairs are stored", choices[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Density_HandWorked()
    {
        // 5 pairs in 2 x 250 cells: exactly 1%, dense (the threshold is inclusive).
        var m = CsrMatrix.FromTriples(2, 250, [0, 0, 0, 1, 1], [0, 1, 2, 0, 9], [1f, 1f, 1f, 1f, 1f]);

        Assert.Equal(0.01, BprDenseRule.Density(m), 12);
        Assert.NotEmpty(BprDenseRule.Choose(m, new BprOptions(), new BprOptions()).Choices);
    }

    [Fact]
    public void Choose_SparseOrGivenSettings_KeepTheOptions()
    {
        // 0.5% stored (HetRec 0.28%, the synthetic split 0.16%): as before.
        var sparse = BprDenseRule.Choose(Rows(400, 2000, 10), new BprOptions(), new BprOptions());
        Assert.Empty(sparse.Choices);
        Assert.Equal((NegativeSampling.Popularity, 0), (sparse.Options.Negatives, sparse.Options.NegativeRetries));

        var dense = Rows(40, 60, 40);
        foreach (var given in new[] { new BprOptions { NegativeRetries = 0 }, new BprOptions { Iterations = 50 }, new BprOptions { Negatives = NegativeSampling.Popularity } })
        {
            var (options, choices) = BprDenseRule.Choose(dense, given, given);
            Assert.Empty(choices);
            Assert.Equal(0, options.NegativeRetries);
        }
    }

    [Fact]
    public void Choose_AfterTheThinRowsRule_AddsOnlyTheRedraws()
    {
        // 40 x 60 with 4 pairs a row: thin (uniform, 750 epochs) and 6.7% dense.
        var m = Rows(40, 60, 4);
        var (thin, _) = BprThinRowsRule.Choose(m, new BprOptions());

        var (options, choices) = BprDenseRule.Choose(m, new BprOptions(), thin);

        Assert.Equal((NegativeSampling.Uniform, 750, BprDenseRule.Retries), (options.Negatives, options.Iterations, options.NegativeRetries));
        Assert.Equal(["negative-retries"], choices.Select(c => c.Setting));
    }

    [Theory]
    [InlineData(SampleOrder.ByUser, 1)]
    [InlineData(SampleOrder.ByUser, 2)]
    [InlineData(SampleOrder.Pairs, 1)]
    [InlineData(SampleOrder.Pairs, 2)]
    public void Fit_UsersWhoHaveSeenAllButOneItem_EndsWithFiniteFactors(SampleOrder order, int threads)
    {
        // Every user has 39 of 40 items: a uniform draw is seen 97.5% of the time; the redraws are bounded, so the fit ends.
        var data = TrainingData.FromMatrix(Rows(30, 40, 39));

        var model = new BprTrainer(new BprOptions { Factors = 4, Threads = threads, Order = order, NegativeRetries = 1000, Negatives = NegativeSampling.Uniform, Iterations = 20 }).Fit(data);

        Assert.All(model.ItemFactors.ToArray(), f => Assert.True(float.IsFinite(f)));
        Assert.All(model.UserFactors.ToArray(), f => Assert.True(float.IsFinite(f)));
    }

    [Fact]
    public void Fit_AsItComesOnDenseTaste_RanksTheUsersGroupAboveThePopularOne()
    {
        // 120 users in two groups (A: 80 users, B: 40) over 80 items (A's 0-39, B's 40-79); each user has seen 30 of its
        // group's 40 items and 4 of the other group's (42% stored: MovieLens-dense; rows of 34, not thin).
        // A's items are the more popular, so a popularity list would fill a B user's top 5 with A items; BPR as it comes (the dense rule) must recommend B items.
        var rng = new Random(5);
        var (r, c) = (new List<int>(), new List<int>());
        for (var u = 0; u < 120; u++)
        {
            var own = u < 80 ? 0 : 40;
            var other = u < 80 ? 40 : 0;
            foreach (var i in Enumerable.Range(0, 40).OrderBy(_ => rng.Next()).Take(30)) { r.Add(u); c.Add(own + i); }
            foreach (var i in Enumerable.Range(0, 40).OrderBy(_ => rng.Next()).Take(4)) { r.Add(u); c.Add(other + i); }
        }
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(120, 80, [.. r], [.. c], [.. Enumerable.Repeat(1f, r.Count)]));

        var model = new BprTrainer(new BprOptions { Factors = 8, Threads = 1 }).Fit(data);
        var users = Enumerable.Range(80, 40).ToArray();
        var batch = model.Recommend(users, 5);

        Assert.Equal(["uniform", BprDenseRule.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture)], model.DataChoices.Select(ch => ch.Value));
        var inGroup = 0;
        for (var k = 0; k < users.Length; k++) inGroup += batch.ItemsOf(k).ToArray().Count(i => i >= 40);
        Assert.True(inGroup >= 0.9 * 5 * users.Length, $"{inGroup} of {5 * users.Length} recommended items are the B users' own group's");
    }
}
