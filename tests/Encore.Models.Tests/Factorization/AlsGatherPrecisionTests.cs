using Encore.Core.Sparse;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// <see cref="AlsOptions.GatherPrecision"/> in <see cref="AlsHalfStep"/>: Half is the row-by-row solve whose sparse terms
/// read the fixed factors rounded to half (Y^T Y stays float), within a stated distance of Single; wherever the gathers
/// do not run (small fixed factors, d not a multiple of 16, a factor beyond the half range) it is Single bit for bit.
/// </summary>
public sealed class AlsGatherPrecisionTests
{
    private static readonly AlsOptions HalfOptions = new() { Regularization = 0.3, Alpha = 2, Threads = 2, GatherPrecision = GatherPrecision.Half };

    [Theory]
    [InlineData(false)] // fixed factors of AlsHalfStep.GatherFromBytes and up
    [InlineData(true)]  // between AlsHalfStep.HalfGatherFromBytes and GatherFromBytes: gathered only from the half copy
    public void Run_Half_EqualsRowByRowAgainstTheRoundedFactors_BitForBit(bool halfOnlyBand)
    {
        const int d = 16;
        if (!BlockConjugateGradient.Supported(d) || !HalfRows.Supported(d)) return;
        var columns = halfOnlyBand ? HalfGatherColumns(d) : GatherColumns(d);
        Assert.True(!halfOnlyBand || (long)columns * d * sizeof(float) < AlsHalfStep.GatherFromBytes);
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 60, columns, d);
        var options = HalfOptions with { Factors = d };
        var rounded = fixedFactors.Select(x => (float)(Half)x).ToArray();
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, 1);
        Gram.AddDiagonal(gram, d, (float)options.Regularization);
        var expected = (float[])start.Clone();
        float[] r = new float[d], p = new float[d], ap = new float[d];
        for (var row = 0; row < matrix.Rows; row++)
            ConjugateGradient.Solve(gram, rounded, d, matrix.RowIndices(row), matrix.RowValues(row), (float)options.Alpha, options.CgSteps, expected.AsSpan(row * d, d), r, p, ap);
        var actual = (float[])start.Clone();

        AlsHalfStep.Run(matrix, actual, fixedFactors, d, options, new GramBuffers(d), CancellationToken.None);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void Run_Half_IsWithinHalfRoundingOfSingle(int d)
    {
        if (!BlockConjugateGradient.Supported(d) || !HalfRows.Supported(d)) return;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 60, GatherColumns(d), d);
        var single = (float[])start.Clone();
        var half = (float[])start.Clone();

        AlsHalfStep.Run(matrix, single, fixedFactors, d, HalfOptions with { Factors = d, GatherPrecision = GatherPrecision.Single }, new GramBuffers(d), CancellationToken.None);
        AlsHalfStep.Run(matrix, half, fixedFactors, d, HalfOptions with { Factors = d }, new GramBuffers(d), CancellationToken.None);

        // Each fixed factor moves by at most 2^-11 of itself; the solved rows move by about that relative amount
        // (times the systems' conditioning): 1% of each row's norm is the stated bound, 0 would mean half was not read.
        var largest = 0.0;
        for (var row = 0; row < matrix.Rows; row++)
        {
            double norm = 0, distance = 0;
            for (var f = row * d; f < (row + 1) * d; f++)
            {
                norm += (double)single[f] * single[f];
                distance += ((double)single[f] - half[f]) * (single[f] - half[f]);
            }
            (norm, distance) = (Math.Sqrt(norm), Math.Sqrt(distance));
            if (norm > 0) largest = Math.Max(largest, distance / norm);
        }
        Assert.InRange(largest, 1e-7, 1e-2);
    }

    [Theory]
    [InlineData(16, false)] // fixed factors below AlsHalfStep.HalfGatherFromBytes: no gathers
    [InlineData(12, true)]  // not a multiple of 16: the one-row path
    public void Run_HalfWhereNothingIsGathered_EqualsSingle_BitForBit(int d, bool large)
    {
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 60, large ? GatherColumns(d) : 500, d);
        AssertHalfEqualsSingle(matrix, fixedFactors, start, d);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // in the half-only band the floats are then not gathered at all
    public void Run_HalfWithAFactorBeyondTheHalfRange_EqualsSingle_BitForBit(bool halfOnlyBand)
    {
        const int d = 16;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 60, halfOnlyBand ? HalfGatherColumns(d) : GatherColumns(d), d);
        fixedFactors[^1] = 70000f; // a half would be infinite: the half-step reads the floats
        AssertHalfEqualsSingle(matrix, fixedFactors, start, d);
    }

    [Theory]
    [InlineData(64, false)] // on the 512-bit path the gathered blocks stay paired bfloat16 (SparseRowTerms.AddPaired)
    [InlineData(64, true)]
    [InlineData(32, true)]  // widened to floats by the gather
    public void Run_BFloat16_EqualsRowByRowAgainstTheRoundedFactors_BitForBit(int d, bool halfOnlyBand)
    {
        if (!BlockConjugateGradient.Supported(d) || !BFloat16Rows.Supported(d)) return;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 60, halfOnlyBand ? HalfGatherColumns(d) : GatherColumns(d), d);
        var options = HalfOptions with { Factors = d, GatherPrecision = GatherPrecision.BFloat16 };
        var rounded = fixedFactors.Select(BFloat16Rows.Rounded).ToArray();
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, 1);
        Gram.AddDiagonal(gram, d, (float)options.Regularization);
        var expected = (float[])start.Clone();
        float[] r = new float[d], p = new float[d], ap = new float[d];
        for (var row = 0; row < matrix.Rows; row++)
            ConjugateGradient.Solve(gram, rounded, d, matrix.RowIndices(row), matrix.RowValues(row), (float)options.Alpha, options.CgSteps, expected.AsSpan(row * d, d), r, p, ap);
        var actual = (float[])start.Clone();

        AlsHalfStep.Run(matrix, actual, fixedFactors, d, options, new GramBuffers(d), CancellationToken.None);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Run_BFloat16_IsWithinBFloat16RoundingOfSingle()
    {
        const int d = 64;
        if (!BlockConjugateGradient.Supported(d) || !BFloat16Rows.Supported(d)) return;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 60, GatherColumns(d), d);
        var single = (float[])start.Clone();
        var bfloat16 = (float[])start.Clone();

        AlsHalfStep.Run(matrix, single, fixedFactors, d, HalfOptions with { Factors = d, GatherPrecision = GatherPrecision.Single }, new GramBuffers(d), CancellationToken.None);
        AlsHalfStep.Run(matrix, bfloat16, fixedFactors, d, HalfOptions with { Factors = d, GatherPrecision = GatherPrecision.BFloat16 }, new GramBuffers(d), CancellationToken.None);

        // Each fixed factor moves by at most 2^-9 of itself (four times half's 2^-11): 4% of each row's norm is the bound.
        var largest = 0.0;
        for (var row = 0; row < matrix.Rows; row++)
        {
            double norm = 0, distance = 0;
            for (var f = row * d; f < (row + 1) * d; f++)
            {
                norm += (double)single[f] * single[f];
                distance += ((double)single[f] - bfloat16[f]) * (single[f] - bfloat16[f]);
            }
            (norm, distance) = (Math.Sqrt(norm), Math.Sqrt(distance));
            if (norm > 0) largest = Math.Max(largest, distance / norm);
        }
        Assert.InRange(largest, 1e-6, 4e-2);
    }

    [Fact]
    public void Run_BFloat16WithFactorsNotAMultipleOf32_EqualsHalf_BitForBit()
    {
        const int d = 16;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 60, GatherColumns(d), d);
        var half = (float[])start.Clone();
        var bfloat16 = (float[])start.Clone();

        AlsHalfStep.Run(matrix, half, fixedFactors, d, HalfOptions with { Factors = d }, new GramBuffers(d), CancellationToken.None);
        AlsHalfStep.Run(matrix, bfloat16, fixedFactors, d, HalfOptions with { Factors = d, GatherPrecision = GatherPrecision.BFloat16 }, new GramBuffers(d), CancellationToken.None);

        Assert.Equal(half, bfloat16);
    }

    private static void AssertHalfEqualsSingle(CsrMatrix matrix, float[] fixedFactors, float[] start, int d)
    {
        var single = (float[])start.Clone();
        var half = (float[])start.Clone();

        AlsHalfStep.Run(matrix, single, fixedFactors, d, HalfOptions with { Factors = d, GatherPrecision = GatherPrecision.Single }, new GramBuffers(d), CancellationToken.None);
        AlsHalfStep.Run(matrix, half, fixedFactors, d, HalfOptions with { Factors = d }, new GramBuffers(d), CancellationToken.None);

        Assert.Equal(single, half);
    }

    // Enough columns that the fixed factors reach AlsHalfStep.GatherFromBytes (the gathering block path).
    private static int GatherColumns(int d) => (int)(AlsHalfStep.GatherFromBytes / (d * sizeof(float))) + 1;

    // Enough columns that the fixed factors reach AlsHalfStep.HalfGatherFromBytes (gathered from the half copy only).
    private static int HalfGatherColumns(int d) => (int)(AlsHalfStep.HalfGatherFromBytes / (d * sizeof(float))) + 1;
}
