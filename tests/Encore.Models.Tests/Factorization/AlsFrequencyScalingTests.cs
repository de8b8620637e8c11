using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Factorization;

public sealed class AlsFrequencyScalingTests
{
    [Fact]
    public void RowScales_HandWorked_RelativeToTheMeanRow()
    {
        // Rows with 1 and 3 entries: mean 2, s = ((n + 1) / 3)^nu.
        var matrix = CsrMatrix.FromTriples(2, 3, [0, 1, 1, 1], [0, 0, 1, 2], [1f, 1f, 1f, 1f]);

        var one = FrequencyScaledRegularization.RowScales(matrix, 1)!;
        var half = FrequencyScaledRegularization.RowScales(matrix, 0.5)!;

        Assert.Null(FrequencyScaledRegularization.RowScales(matrix, 0));
        Assert.Equal(2f / 3, one[0], 6);
        Assert.Equal(4f / 3, one[1], 6);
        Assert.Equal(MathF.Sqrt(2f / 3), half[0], 6);
        Assert.Equal(MathF.Sqrt(4f / 3), half[1], 6);
    }

    [Theory]
    [InlineData(FrequencyBasis.Observed)]
    [InlineData(FrequencyBasis.Mass)]
    public void Fit_Cholesky_ItemFactorsSolveTheirNormalEquationsWithTheScaledPenalty(FrequencyBasis basis)
    {
        // After the last half-step each item factor y_i is the exact ridge solution against the final user factors X:
        // (X^T X + lambda s_i I + sum_u (c_ui - 1) x_u x_u^T) y_i = sum_u c_ui x_u, s_i = (m_i / mean m)^nu with
        // m_i = n_i + 1 (Observed) or the item's confidence mass users + sum_u (c_ui - 1) (Mass).
        var matrix = CsrMatrix.FromTriples(5, 3, [0, 0, 1, 1, 2, 3, 4, 4], [0, 1, 0, 2, 0, 1, 0, 2], [2f, 1f, 1f, 3f, 1f, 1f, 4f, 1f]);
        var data = TrainingData.FromMatrix(matrix);
        const double lambda = 0.5, alpha = 1, nu = 1;
        var sut = new AlsTrainer(new AlsOptions
        {
            Factors = 2,
            Regularization = lambda,
            Alpha = alpha,
            Iterations = 3,
            Solver = AlsSolver.Cholesky,
            FrequencyScaling = nu,
            FrequencyBasis = basis,
            Threads = 1,
        }).Fit(data);

        var itemUsers = matrix.Transpose();
        var sizes = new double[3];
        for (var i = 0; i < 3; i++)
        {
            sizes[i] = itemUsers.RowLength(i) + 1;
            if (basis == FrequencyBasis.Mass)
            {
                sizes[i] = matrix.Rows;
                foreach (var v in itemUsers.RowValues(i)) sizes[i] += alpha * v;
            }
        }
        for (var i = 0; i < 3; i++)
        {
            var scale = Math.Pow(sizes[i] / sizes.Average(), nu);
            double a00 = lambda * scale, a01 = 0, a11 = lambda * scale, b0 = 0, b1 = 0;
            for (var u = 0; u < 5; u++)
            {
                var x = sut.UserVector(u);
                var r = matrix.Get(u, i);
                var c = r > 0 ? 1 + alpha * r : 1;
                a00 += c * x[0] * x[0];
                a01 += c * x[0] * x[1];
                a11 += c * x[1] * x[1];
                if (r > 0) { b0 += c * x[0]; b1 += c * x[1]; }
            }
            var det = a00 * a11 - a01 * a01;
            var y = sut.ItemVector(i);
            Assert.Equal((a11 * b0 - a01 * b1) / det, y[0], 3);
            Assert.Equal((a00 * b1 - a01 * b0) / det, y[1], 3);
        }
    }

    [Fact]
    public void RowScales_Mass_HandWorked_UnobservedAtOneObservedAtTheirConfidence()
    {
        // 2 rows x 3 columns; row 0 holds one entry of 1, row 1 three entries of 1; alpha 1, so c = 2 each.
        // Masses: row 0 (3 - 1) + 2 = 4, row 1 0 + 3 x 2 = 6; mean 5; nu 1: 0.8 and 1.2 (Observed would give 2/3 and 4/3).
        var matrix = CsrMatrix.FromTriples(2, 3, [0, 1, 1, 1], [0, 0, 1, 2], [1f, 1f, 1f, 1f]);

        var mass = FrequencyScaledRegularization.RowScales(matrix, 1, FrequencyBasis.Mass, alpha: 1)!;

        Assert.Equal(0.8f, mass[0], 6);
        Assert.Equal(1.2f, mass[1], 6);
        Assert.Null(FrequencyScaledRegularization.RowScales(matrix, 0, FrequencyBasis.Mass, alpha: 1));
    }

    [Fact]
    public void Fit_MassBasis_DiffersFromObserved_AndIsIgnoredWithoutScaling()
    {
        var data = PlantedBlocks.Create();
        var observed = new AlsTrainer(new AlsOptions { Factors = 6, Iterations = 3, Threads = 1, FrequencyScaling = 1 }).Fit(data);
        var mass = new AlsTrainer(new AlsOptions { Factors = 6, Iterations = 3, Threads = 1, FrequencyScaling = 1, FrequencyBasis = FrequencyBasis.Mass }).Fit(data);
        var plain = new AlsTrainer(new AlsOptions { Factors = 6, Iterations = 3, Threads = 1 }).Fit(data);
        var massUnscaled = new AlsTrainer(new AlsOptions { Factors = 6, Iterations = 3, Threads = 1, FrequencyBasis = FrequencyBasis.Mass }).Fit(data);

        Assert.NotEqual(observed.ItemFactors.ToArray(), mass.ItemFactors.ToArray());
        Assert.Equal(plain.ItemFactors.ToArray(), massUnscaled.ItemFactors.ToArray());
    }

    [Fact]
    public void Options_UndefinedBasis_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlsOptions { FrequencyBasis = (FrequencyBasis)7 });

    [Fact]
    public void Fit_ZeroScaling_IsPlainAls()
    {
        var data = PlantedBlocks.Create();
        var plain = new AlsTrainer(new AlsOptions { Factors = 6, Iterations = 3, Threads = 1 }).Fit(data);
        var zero = new AlsTrainer(new AlsOptions { Factors = 6, Iterations = 3, Threads = 1, FrequencyScaling = 0 }).Fit(data);
        var scaled = new AlsTrainer(new AlsOptions { Factors = 6, Iterations = 3, Threads = 1, FrequencyScaling = 1 }).Fit(data);

        Assert.Equal(plain.ItemFactors.ToArray(), zero.ItemFactors.ToArray());
        Assert.NotEqual(plain.ItemFactors.ToArray(), scaled.ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Options_ScalingOutsideZeroToOne_Throws(double nu) =>
        Assert.ThrowsAny<ArgumentException>(() => new AlsOptions { FrequencyScaling = nu });
}
