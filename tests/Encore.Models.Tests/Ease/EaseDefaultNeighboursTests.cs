using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Training;

namespace Encore.Models.Tests.Ease;

/// <summary>
/// EASE as it comes keeps the top 500 weights of each item (<see cref="EaseOptions.Neighbours"/>): sparse on a
/// catalogue larger than that, the exact dense model on a smaller one (a top-N of every weight saves nothing).
/// </summary>
public sealed class EaseDefaultNeighboursTests
{
    [Fact]
    public void Defaults_KeepTheTop500WeightsOfEachItem()
    {
        Assert.Equal(500, new EaseOptions().Neighbours);
    }

    [Fact]
    public void Fit_DefaultsOnMoreThan500Items_IsSparseWithAtMost500WeightsPerItem()
    {
        const int items = 520;
        var data = TrainingData.FromMatrix(Random(users: 300, items, density: 0.05, seed: 11));

        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 50 }).Fit(data);

        Assert.True(sut.IsSparse);
        Assert.InRange(sut.WeightCount, 1, 500L * items);
    }

    [Fact]
    public void Fit_DefaultsOnAtMost500Items_IsTheDenseModel()
    {
        var matrix = Random(users: 60, items: 40, density: 0.15, seed: 5);
        var data = TrainingData.FromMatrix(matrix);

        var sut = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 5 }).Fit(data);
        var dense = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 5, Neighbours = 0 }).Fit(data);

        Assert.False(sut.IsSparse);
        for (var j = 0; j < matrix.Columns; j++) Assert.Equal(dense.WeightsOf(j).ToArray(), sut.WeightsOf(j).ToArray());
    }

    private static CsrMatrix Random(int users, int items, double density, int seed)
    {
        var random = new Random(seed);
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        for (var u = 0; u < users; u++)
            for (var i = 0; i < items; i++)
                if (random.NextDouble() < density)
                {
                    rows.Add(u);
                    columns.Add(i);
                    values.Add(1 + random.Next(3));
                }
        return CsrMatrix.FromTriples(users, items, [.. rows], [.. columns], [.. values]);
    }
}
