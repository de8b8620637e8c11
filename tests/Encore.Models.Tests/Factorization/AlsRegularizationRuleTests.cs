using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// The ALS penalty cap (<see cref="AlsRegularizationRule"/>) on planted tables: thin rows change the default, long rows
/// and a given value keep it; the trainer uses and reports the choice.
/// </summary>
public sealed class AlsRegularizationRuleTests
{
    // users x items, user u holding items u, u + 1, ..., u + perUser - 1 (mod items), every value `value`.
    private static CsrMatrix Rows(int users, int items, int perUser, float value)
    {
        var (r, c) = (new List<int>(), new List<int>());
        for (var u = 0; u < users; u++)
            for (var k = 0; k < perUser; k++) { r.Add(u); c.Add((u + k) % items); }
        return CsrMatrix.FromTriples(users, items, [.. r], [.. c], [.. Enumerable.Repeat(value, r.Count)]);
    }

    [Fact]
    public void Als_ThinRows_CapThePenaltyAtTheMeanRowMass()
    {
        // 4 pairs of value 1.5 per user, alpha 1: mass 6, below the fixed 20.
        var choice = AlsRegularizationRule.Choose(Rows(30, 40, 4, 1.5f), new AlsOptions());

        Assert.NotNull(choice);
        Assert.Equal(6.0, choice.Penalty);
        Assert.Equal("regularization", choice.Choice.Setting);
        Assert.Equal("6", choice.Choice.Value);
    }

    [Fact]
    public void Als_ChosenPenalty_IsTypedAndEqualsItsPrintedText()
    {
        // 3 pairs of value 1.7 per user, alpha 1.1: mass 5.61000...; 7 pairs of 0.4123 at alpha 3: 8.6583 -> 8.658.
        foreach (var (perUser, value, alpha, printed) in new[] { (3, 1.7f, 1.1, "5.61"), (7, 0.4123f, 3.0, "8.658") })
        {
            var choice = AlsRegularizationRule.Choose(Rows(30, 40, perUser, value), new AlsOptions { Alpha = alpha })!;

            Assert.Equal(printed, choice.Choice.Value);
            Assert.Equal(double.Parse(printed, System.Globalization.CultureInfo.InvariantCulture), choice.Penalty);
            Assert.Contains($"= {printed}, below the fixed default 20", choice.Choice.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RoundToSignificant_RandomValues_MatchParsingTheirG4Text()
    {
        var rng = new Random(16);
        for (var i = 0; i < 20_000; i++)
        {
            var x = Math.Exp(rng.NextDouble() * 40 - 20); // 2e-9 .. 5e8
            var expected = double.Parse(x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, AlsRegularizationRule.RoundToSignificant(x, 4));
        }
    }

    [Fact]
    public void Als_MeanRowMass_CountsOnlyUsersAndValuesAboveZero()
    {
        // User 0: 2 + 3 (the -1 dropped); user 1: nothing positive; user 2: 1. Mean over 2 users = 3, times alpha 2 = 6.
        var m = CsrMatrix.FromTriples(3, 4, [0, 0, 0, 1, 2], [0, 1, 2, 0, 3], [2f, 3f, -1f, -2f, 1f]);

        Assert.Equal(6.0, AlsRegularizationRule.MeanRowMass(m, alpha: 2), 12);
    }

    [Fact]
    public void Als_LongRowsOrGivenPenalty_KeepTheFixedDefault()
    {
        Assert.Null(AlsRegularizationRule.Choose(Rows(30, 40, 25, 1f), new AlsOptions()));
        Assert.Null(AlsRegularizationRule.Choose(Rows(30, 40, 4, 1.5f), new AlsOptions { Regularization = 20 }));
    }

    [Fact]
    public void AlsTrainer_AsItComesOnThinRows_FitsWithTheCappedPenaltyAndReportsIt()
    {
        var data = TrainingData.FromMatrix(Rows(30, 40, 4, 1.5f));

        var sut = new AlsTrainer(new AlsOptions { Factors = 4, Iterations = 3 }).Fit(data);
        var same = new AlsTrainer(new AlsOptions { Factors = 4, Iterations = 3, Regularization = 6 }).Fit(data);

        Assert.Equal(6f, sut.Regularization);
        Assert.Equal("6", Assert.Single(sut.DataChoices).Value);
        Assert.Equal(same.ItemFactors.ToArray(), sut.ItemFactors.ToArray());
        Assert.Empty(same.DataChoices);
    }
}
