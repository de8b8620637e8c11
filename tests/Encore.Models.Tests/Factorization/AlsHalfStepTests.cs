using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// <see cref="AlsHalfStep"/> against the loop it replaced: every row solved one by one against its own fresh copy of
/// Y^T Y + lambda_r I (frequency scaling) or the shared Y^T Y + lambda I. The results must be bit-identical.
/// </summary>
public sealed class AlsHalfStepTests
{
    [Theory]
    [InlineData(AlsSolver.ConjugateGradient, 0.0, 16, 1)]
    [InlineData(AlsSolver.ConjugateGradient, 0.0, 64, 2)]
    [InlineData(AlsSolver.ConjugateGradient, 0.5, 16, 1)]
    [InlineData(AlsSolver.ConjugateGradient, 1.0, 64, 2)]
    [InlineData(AlsSolver.ConjugateGradient, 1.0, 12, 1)]
    [InlineData(AlsSolver.Cholesky, 0.0, 16, 1)]
    [InlineData(AlsSolver.Cholesky, 1.0, 16, 2)]
    public void Run_EqualsPerRowCopyOfTheRegularizedGram_BitForBit(AlsSolver solver, double nu, int d, int threads)
    {
        var (matrix, fixedFactors, start) = Problem(rows: 150, columns: 90, d);
        var options = new AlsOptions { Factors = d, Regularization = 0.3, Alpha = 2, FrequencyScaling = nu, Solver = solver, Threads = threads };
        var expected = (float[])start.Clone();
        OldLoop(matrix, expected, fixedFactors, d, options);
        var actual = (float[])start.Clone();

        AlsHalfStep.Run(matrix, actual, fixedFactors, d, options, new GramBuffers(d), CancellationToken.None);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Run_FixedFactorsAboveTheGatherSize_EqualsRowByRow_BitForBit()
    {
        const int d = 16;
        var columns = (int)(AlsHalfStep.GatherFromBytes / (d * sizeof(float))) + 1; // the gathering block path
        var (matrix, fixedFactors, start) = Problem(rows: 60, columns, d);
        // Exact float gathers (the half-precision default is AlsGatherPrecisionTests').
        var options = new AlsOptions { Factors = d, Regularization = 0.3, Alpha = 2, Threads = 2, GatherPrecision = GatherPrecision.Single };
        var expected = (float[])start.Clone();
        OldLoop(matrix, expected, fixedFactors, d, options);
        var actual = (float[])start.Clone();
        var buffers = new GramBuffers(d);

        AlsHalfStep.Run(matrix, actual, fixedFactors, d, options, buffers, CancellationToken.None);

        Assert.Equal(expected, actual);
        Assert.NotNull(buffers.Block(0, gather: true).Gathered);
        Assert.Same(buffers.Block(0, gather: true), buffers.Block(0, gather: true));
    }

    [Theory]
    [InlineData(GatherPrecision.Single)]
    [InlineData(GatherPrecision.Half)]
    public void Run_RowLongerThanTheBlockBudget_GatheredWholeOnce_EqualsRowByRow_BitForBit(GatherPrecision precision)
    {
        // Row 3 holds 1.3 block budgets of nonzeros: the half-step sizes each worker's long-row buffer to it, so the row is
        // gathered once for its four passes; the expected solve reads the factors the gather reads (rounded to half or not).
        const int d = 16;
        var columns = (int)(AlsHalfStep.GatherFromBytes / (d * sizeof(float))) + 1;
        var (problem, fixedFactors, start) = Problem(rows: 40, columns, d);
        var longRow = 13 * BlockConjugateGradient.GatherCapacity(d) / 10;
        var rng = new Rng(11);
        var (r, c, v) = (new List<int>(), new List<int>(), new List<float>());
        for (var row = 0; row < problem.Rows; row++)
        {
            var indices = row == 3 ? [.. Enumerable.Range(0, columns).OrderBy(_ => rng.NextInt(1 << 30)).Take(longRow).Order()] : problem.RowIndices(row).ToArray();
            for (var k = 0; k < indices.Length; k++)
            {
                r.Add(row);
                c.Add(indices[k]);
                v.Add(row == 3 ? (k % 7 == 3 ? 0f : 1 + rng.NextInt(5)) : problem.RowValues(row)[k]);
            }
        }
        var matrix = CsrMatrix.FromTriples(problem.Rows, columns, [.. r], [.. c], [.. v]);
        var options = new AlsOptions { Factors = d, Regularization = 0.3, Alpha = 2, Threads = 2, GatherPrecision = precision };
        var read = fixedFactors;
        if (precision == GatherPrecision.Half)
        {
            var bits = new ushort[fixedFactors.Length];
            Assert.True(HalfRows.Narrow(fixedFactors, bits));
            read = [.. bits.Select(HalfRows.WidenReference)];
        }
        var expected = (float[])start.Clone();
        OldLoop(matrix, expected, fixedFactors, d, options, read);
        var actual = (float[])start.Clone();
        var buffers = new GramBuffers(d);

        AlsHalfStep.Run(matrix, actual, fixedFactors, d, options, buffers, CancellationToken.None);

        Assert.Equal(expected, actual);
        Assert.Equal(longRow * d, buffers.Block(0, gather: true).LongRows.Length);
    }

    // The half-step as it was before the per-row copy was removed (commit b0943d5).
    // The sparse terms read sparseFactors (default: fixedFactors; the half-rounded factors a half gather reads).
    private static void OldLoop(CsrMatrix matrix, float[] solved, float[] fixedFactors, int d, AlsOptions options, float[]? sparseFactors = null)
    {
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, 1);
        var read = sparseFactors ?? fixedFactors;
        var scales = FrequencyScaledRegularization.RowScales(matrix, options.FrequencyScaling);
        if (scales is null) Gram.AddDiagonal(gram, d, (float)options.Regularization);
        var rowGram = new float[d * d];
        float[] a = new float[d * d], r = new float[d], p = new float[d], ap = new float[d];
        for (var row = 0; row < matrix.Rows; row++)
        {
            var g = gram;
            if (scales is not null)
            {
                gram.CopyTo(rowGram, 0);
                Gram.AddDiagonal(rowGram, d, (float)options.Regularization * scales[row]);
                g = rowGram;
            }
            var x = solved.AsSpan(row * d, d);
            if (options.Solver == AlsSolver.Cholesky) WeightedRidge.SolveExact(g, read, d, matrix.RowIndices(row), matrix.RowValues(row), (float)options.Alpha, a, x);
            else ConjugateGradient.Solve(g, read, d, matrix.RowIndices(row), matrix.RowValues(row), (float)options.Alpha, options.CgSteps, x, r, p, ap);
        }
    }

    // Rows of 0-40 nonzeros (some empty), values 1-5, factors uniform in [-0.5, 0.5).
    internal static (CsrMatrix Matrix, float[] FixedFactors, float[] Start) Problem(int rows, int columns, int d, ulong seed = 5)
    {
        var rng = new Rng(seed);
        var (r, c, v) = (new List<int>(), new List<int>(), new List<float>());
        for (var row = 0; row < rows; row++)
        {
            var length = row % 7 == 0 ? 0 : rng.NextInt(41);
            var seen = new HashSet<int>();
            for (var k = 0; k < length; k++)
            {
                var column = rng.NextInt(columns);
                if (!seen.Add(column)) continue;
                r.Add(row);
                c.Add(column);
                v.Add(1 + rng.NextInt(5));
            }
        }
        var matrix = CsrMatrix.FromTriples(rows, columns, [.. r], [.. c], [.. v]);
        var fixedFactors = new float[columns * d];
        for (var i = 0; i < fixedFactors.Length; i++) fixedFactors[i] = rng.NextFloat() - 0.5f;
        var start = new float[rows * d];
        for (var i = 0; i < start.Length; i++) start[i] = (rng.NextFloat() - 0.5f) * 0.1f;
        return (matrix, fixedFactors, start);
    }
}
