using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// <see cref="PopularityOrder"/>: the renumbered matrices hold exactly the input's entries, the order is by descending
/// count with ties by id, factor rows round-trip, and an ALS fit in the new numbering gives the fit in the input's
/// numbering up to float rounding.
/// </summary>
public sealed class PopularityOrderTests
{
    [Fact]
    public void ByDescendingCount_SortsByCountThenId()
    {
        Assert.Equal([3, 1, 4, 0, 2, 5], PopularityOrder.ByDescendingCount([1, 4, 0, 5, 4, 0]));
        Assert.Empty(PopularityOrder.ByDescendingCount([]));
    }

    [Fact]
    public void Of_RandomMatrix_RenumberedEntriesEqualTheInputs()
    {
        var (matrix, _, _) = AlsHalfStepTests.Problem(rows: 120, columns: 70, d: 8, seed: 11);

        var sut = PopularityOrder.Of(matrix);

        Assert.Equal(matrix.NonZeros, sut.UserItems.NonZeros);
        Assert.Equal(matrix.NonZeros, sut.ItemUsers.NonZeros);
        for (var u = 0; u < matrix.Rows; u++)
        {
            var original = sut.Users[u];
            Assert.Equal(matrix.RowLength(original), sut.UserItems.RowLength(u));
            if (u > 0) Assert.True(sut.UserItems.RowLength(u - 1) >= sut.UserItems.RowLength(u), $"user rows out of order at {u}");
            var indices = sut.UserItems.RowIndices(u);
            var values = sut.UserItems.RowValues(u);
            for (var k = 0; k < indices.Length; k++)
            {
                Assert.Equal(matrix.Get(original, sut.Items[indices[k]]), values[k]);
                Assert.Equal(values[k], sut.ItemUsers.Get(indices[k], u));
            }
        }
        for (var i = 1; i < matrix.Columns; i++) Assert.True(sut.ItemUsers.RowLength(i - 1) >= sut.ItemUsers.RowLength(i), $"item rows out of order at {i}");
    }

    [Fact]
    public void ToOriginalOrder_UndoesToFitOrder()
    {
        var factors = Enumerable.Range(0, 5 * 3).Select(v => (float)v).ToArray();
        int[] order = [2, 0, 4, 1, 3];

        var fit = PopularityOrder.ToFitOrder(factors, order, 3);

        Assert.Equal([6f, 7f, 8f], fit[..3]);
        Assert.Equal(factors, PopularityOrder.ToOriginalOrder(fit, order, 3));
    }

    // Exact (Cholesky) solves: the renumbering does not depend on the solver, and a 3-step CG fit amplifies the rounding
    // differences of the changed sum order on these small ill-conditioned problems (measured: up to 6% after 4
    // iterations at lambda 0.5, 3e-4 at lambda 5, against 3e-5 for Cholesky), which would hide a real permutation error.
    [Theory]
    [InlineData(16, 0.0, 1, AlsSolver.Cholesky, 3, 4)]
    [InlineData(32, 0.0, 2, AlsSolver.Cholesky, 3, 3)]
    [InlineData(12, 0.5, 2, AlsSolver.Cholesky, 3, 3)]
    [InlineData(64, 1.0, 2, AlsSolver.Cholesky, 3, 2)]
    public void Fit_Renumbered_EqualsFitInInputNumberingUpToRounding(int d, double nu, int threads, AlsSolver solver, int cgSteps, int iterations)
    {
        var (matrix, _, _) = AlsHalfStepTests.Problem(rows: 150, columns: 90, d, seed: 3);
        var data = TrainingData.FromMatrix(matrix);
        var options = new AlsOptions
        {
            Factors = d,
            Regularization = 0.5,
            Alpha = 2,
            Iterations = iterations,
            FrequencyScaling = nu,
            Threads = threads,
            Solver = solver,
            CgSteps = cgSteps,
        };

        var renumbered = new AlsTrainer(options) { RenumberByPopularity = true }.Fit(data);
        var plain = new AlsTrainer(options) { RenumberByPopularity = false }.Fit(data);

        AssertClose(plain.UserFactors.ToArray(), renumbered.UserFactors.ToArray());
        AssertClose(plain.ItemFactors.ToArray(), renumbered.ItemFactors.ToArray());
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-3f * scale, $"factor {i}: {expected[i]} vs {actual[i]}");
    }
}
