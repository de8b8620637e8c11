using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// BPR's sampler and epochs chosen together from the data (<see cref="BprThinRowsRule"/>): thin rows get uniform negatives
/// and more epochs, rows of 30+ pairs and a given sampler or epoch count keep the options; the trainer uses and reports the choice.
/// </summary>
public sealed class BprThinRowsRuleTests
{
    // users x items, user u holding items u, u + 1, ..., u + perUser - 1 (mod items).
    private static CsrMatrix Rows(int users, int items, int perUser)
    {
        var (r, c) = (new List<int>(), new List<int>());
        for (var u = 0; u < users; u++)
            for (var k = 0; k < perUser; k++) { r.Add(u); c.Add((u + k) % items); }
        return CsrMatrix.FromTriples(users, items, [.. r], [.. c], [.. Enumerable.Repeat(1f, r.Count)]);
    }

    [Theory]
    [InlineData(4, 750)] // ceil(3000 / 4)
    [InlineData(7, 429)] // ceil(3000 / 7) = 429
    [InlineData(25, 300)] // 120, raised to the floor of 300
    public void Choose_ThinRows_UniformNegativesAndStepsPerRowEpochs(int perUser, int epochs)
    {
        var (options, choices) = BprThinRowsRule.Choose(Rows(40, 60, perUser), new BprOptions());

        Assert.Equal(NegativeSampling.Uniform, options.Negatives);
        Assert.Equal(epochs, options.Iterations);
        Assert.Equal(["negatives", "iterations"], choices.Select(c => c.Setting));
        Assert.Equal(["uniform", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture)], choices.Select(c => c.Value));
    }

    [Fact]
    public void MeanRowPairs_CountsOnlyUsersWithAPair()
    {
        // 5 pairs over users 0 and 2 (user 1 empty): 2.5.
        var m = CsrMatrix.FromTriples(3, 4, [0, 0, 0, 2, 2], [0, 1, 2, 0, 3], [1f, 1f, 1f, 1f, 1f]);

        Assert.Equal(2.5, BprThinRowsRule.MeanRowPairs(m), 12);
    }

    [Fact]
    public void Choose_RowsOf30OrGivenSettings_KeepTheOptions()
    {
        // HetRec's rows (39 pairs) and the synthetic split's (32) are not thin: the defaults stay there.
        var thick = BprThinRowsRule.Choose(Rows(40, 60, 30), new BprOptions());
        Assert.Empty(thick.Choices);
        Assert.Equal((NegativeSampling.Popularity, 100), (thick.Options.Negatives, thick.Options.Iterations));

        // Chosen together: either one given keeps both as they are.
        var epochsGiven = BprThinRowsRule.Choose(Rows(40, 60, 4), new BprOptions { Iterations = 100 });
        Assert.Empty(epochsGiven.Choices);
        Assert.Equal(NegativeSampling.Popularity, epochsGiven.Options.Negatives);
        var samplerGiven = BprThinRowsRule.Choose(Rows(40, 60, 4), new BprOptions { Negatives = NegativeSampling.Popularity });
        Assert.Empty(samplerGiven.Choices);
        Assert.Equal(100, samplerGiven.Options.Iterations);
    }

    [Fact]
    public void BprTrainer_AsItComesOnThinRows_FitsWithTheChoiceAndReportsIt()
    {
        // 0.67% stored: below BprDenseRule's 1%, so only this rule chooses.
        var data = TrainingData.FromMatrix(Rows(400, 600, 4));

        var sut = new BprTrainer(new BprOptions { Factors = 4, Threads = 1 }).Fit(data);
        var same = new BprTrainer(new BprOptions { Factors = 4, Threads = 1, Iterations = 750, Negatives = NegativeSampling.Uniform }).Fit(data);

        Assert.Equal(["uniform", "750"], sut.DataChoices.Select(c => c.Value));
        Assert.Equal(same.ItemFactors.ToArray(), sut.ItemFactors.ToArray());
        Assert.Empty(same.DataChoices);
    }
}
