using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Wmf;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// WMF's penalty chosen from the data (<see cref="WmfRegularizationRule"/>): the mean confidence weight of a positive pair,
/// unless the caller set one; the trainer uses and reports it.
/// </summary>
public sealed class WmfRegularizationRuleTests
{
    [Fact]
    public void MeanConfidenceWeight_HandWorked_SkipsPairsBelowTheThreshold()
    {
        // Scores 1 and e - 1 reach the threshold 1, 0.5 does not; eps 1, alpha 2: 2 * (ln 2 + ln e) / 2 = ln 2 + 1.
        var scores = CsrMatrix.FromTriples(2, 3, [0, 0, 1], [0, 1, 2], [1f, 0.5f, (float)(Math.E - 1)]);

        var sut = WmfRegularizationRule.MeanConfidenceWeight(scores, new WmfOptions { Alpha = 2, Epsilon = 1 });

        Assert.Equal(Math.Log(2) + 1, sut, 5);
    }

    [Fact]
    public void Choose_SpecConfidence_IsAbout740PerPlay_AndAGivenPenaltyIsKept()
    {
        // One play each under SPEC S1's alpha 40, eps 1e-8: 40 ln(1 + 1e8) = 736.8.
        var plays = CsrMatrix.FromTriples(2, 2, [0, 1], [0, 1], [1f, 1f]);

        var choice = WmfRegularizationRule.Choose(plays, new WmfOptions());

        Assert.NotNull(choice);
        Assert.Equal("regularization", choice.Setting);
        Assert.Equal(40 * Math.Log(1 + 1e8), double.Parse(choice.Value, System.Globalization.CultureInfo.InvariantCulture), 1);
        Assert.Null(WmfRegularizationRule.Choose(plays, new WmfOptions { Regularization = 0.01 }));
    }

    [Fact]
    public void WmfTrainer_AsItComes_FitsWithTheChosenPenaltyAndReportsIt()
    {
        var (r, c) = (new List<int>(), new List<int>());
        for (var u = 0; u < 20; u++) for (var k = 0; k < 3; k++) { r.Add(u); c.Add((u + k) % 15); }
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(20, 15, [.. r], [.. c], [.. Enumerable.Repeat(2f, r.Count)]));
        var weight = 40 * Math.Log(1 + 2 / 1e-8);

        var sut = new WmfTrainer(new WmfOptions { Factors = 4, Iterations = 3 }).Fit(data);
        var same = new WmfTrainer(new WmfOptions { Factors = 4, Iterations = 3, Regularization = double.Parse(weight.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) }).Fit(data);

        Assert.Equal("regularization", Assert.Single(sut.DataChoices).Setting);
        Assert.Equal(same.Factors.ItemFactors.ToArray(), sut.Factors.ItemFactors.ToArray());
        Assert.Empty(same.DataChoices);
    }
}
