using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

public sealed class BlockConjugateGradientTests
{
    [Theory]
    [InlineData(16, 1)]
    [InlineData(16, 7)]
    [InlineData(64, 6)]
    [InlineData(64, 12)]
    [InlineData(64, 13)]
    [InlineData(128, 11)]
    public void GramProduct_MatchesScalarReference_AndOneRowKernelBitForBit(int d, int rows)
    {
        if (!BlockGramProduct.Supported(d)) return; // no AVX2 + FMA: the block path is never taken
        var rng = new Rng(3);
        var gram = Symmetric(d, rng);
        var v = new float[rows * d];
        for (var i = 0; i < v.Length; i++) v[i] = rng.NextFloat() - 0.5f;
        var reference = new float[rows * d];
        var oneRow = new float[rows * d];
        var block = new float[rows * d];

        BlockGramProduct.MultiplyReference(gram, v, reference, rows, d, -1f);
        for (var r = 0; r < rows; r++) RowProduct.GramTimes(gram, v.AsSpan(r * d, d), oneRow.AsSpan(r * d, d), d, -1f);
        BlockGramProduct.Multiply(gram, v, block, rows, d, -1f);

        Assert.Equal(oneRow, block);
        for (var i = 0; i < block.Length; i++) Assert.Equal(reference[i], block[i], 3e-4f);
    }

    [Theory]
    [InlineData(16, 3, 1, false)]
    [InlineData(64, 3, 2, false)]
    [InlineData(64, 10, 3, false)]
    [InlineData(32, 1, 4, false)]
    [InlineData(16, 3, 1, true)]
    [InlineData(64, 3, 2, true)]
    [InlineData(32, 1, 4, true)]
    [InlineData(256, 3, 5, true)] // a 256-row gather buffer: blocks of more nonzeros fall back to the direct reads
    public void Solve_EqualsConjugateGradientRowByRow_BitForBit(int d, int steps, ulong seed, bool gather)
    {
        if (!BlockConjugateGradient.Supported(d)) return;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 40, columns: 70, d, seed);
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, 1);
        Gram.AddDiagonal(gram, d, 0.2f);
        var expected = (float[])start.Clone();
        float[] r = new float[d], p = new float[d], ap = new float[d];
        for (var row = 0; row < matrix.Rows; row++)
            ConjugateGradient.Solve(gram, fixedFactors, d, matrix.RowIndices(row), matrix.RowValues(row), 1.5f, steps, expected.AsSpan(row * d, d), r, p, ap);
        var actual = (float[])start.Clone();
        var scratch = new BlockScratch(d, gather);

        for (var row = 0; row < matrix.Rows;)
        {
            var count = Math.Min(BlockConjugateGradient.MaxRows, 1 + row % 13);
            count = Math.Min(count, matrix.Rows - row);
            BlockConjugateGradient.Solve(gram, fixedFactors, d, matrix, row, count, 1.5f, steps, actual.AsSpan(row * d, count * d), scratch);
            row += count;
        }

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(16, 3, 1, false)]
    [InlineData(64, 3, 2, false)]
    [InlineData(64, 1, 6, false)]
    [InlineData(256, 3, 5, false)] // a 256-row gather buffer: blocks of more nonzeros are not gathered and read the floats
    [InlineData(64, 3, 2, true)] // bfloat16: on the 512-bit path the block stays paired (SparseRowTerms.AddPaired)
    [InlineData(64, 1, 6, true)]
    [InlineData(32, 3, 1, true)] // widened into floats by the gather
    [InlineData(256, 3, 5, true)]
    public void Solve_HalfGather_EqualsRowByRowOnTheFactorsRoundedToHalf_BitForBit(int d, int steps, ulong seed, bool bfloat16)
    {
        if (!BlockConjugateGradient.Supported(d) || !HalfRows.Supported(d) || (bfloat16 && !BFloat16Rows.Supported(d))) return;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 40, columns: 70, d, seed);
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, 1);
        Gram.AddDiagonal(gram, d, 0.2f);
        var (bits, rounded) = SixteenBitCopy(fixedFactors, bfloat16);
        var expected = (float[])start.Clone();
        var actual = (float[])start.Clone();
        var scratch = new BlockScratch(d, gather: true);
        float[] r = new float[d], p = new float[d], ap = new float[d];
        var gatheredBlocks = 0;

        for (var row = 0; row < matrix.Rows;)
        {
            var count = Math.Min(Math.Min(BlockConjugateGradient.MaxRows, 1 + row % 13), matrix.Rows - row);
            // A block of one row longer than the buffer is gathered in chunks.
            var gathered = count == 1 || Enumerable.Range(row, count).Sum(matrix.RowLength) <= BlockConjugateGradient.GatherCapacity(d);
            if (gathered) gatheredBlocks++;
            for (var i = row; i < row + count; i++)
                ConjugateGradient.Solve(gram, gathered ? rounded : fixedFactors, d, matrix.RowIndices(i), matrix.RowValues(i), 1.5f, steps, expected.AsSpan(i * d, d), r, p, ap);
            // The rows after the block requested while it computes (UpcomingRows): a hint that leaves every bit as it was.
            var upcoming = matrix.ColumnIndices[matrix.Offsets[row + count]..];
            BlockConjugateGradient.Solve(gram, fixedFactors, d, matrix, row, count, 1.5f, steps, actual.AsSpan(row * d, count * d), scratch, bits, bfloat16, upcoming);
            row += count;
        }

        Assert.Equal(expected, actual);
        Assert.True(gatheredBlocks > 0);
    }

    [Theory]
    [InlineData(64, false, 0)]
    [InlineData(64, true, 0)]
    [InlineData(256, true, 0)]
    [InlineData(64, false, 2)]
    [InlineData(64, true, 2)]
    [InlineData(64, false, 3)]
    [InlineData(64, true, 3)]
    [InlineData(256, true, 3)]
    [InlineData(64, true, 0, true)]
    [InlineData(64, true, 2, true)]
    [InlineData(64, true, 3, true)]
    [InlineData(32, true, 2, true)]
    public void Solve_RowLongerThanTheBuffer_GatheredInChunksOrWhole_EqualsRowByRow_BitForBit(int d, bool half, int longRowBuffers, bool bfloat16 = false)
    {
        // Rows 1 and 3 hold 2.5 and 1.2 buffers' worth of nonzeros (blocks of their own); the rest are short rows gathered
        // whole. With a long-row buffer of longRowBuffers block buffers, row 3 (2: only row 3; 3: both) is gathered once
        // into it and the other is gathered chunk by chunk on every pass.
        if (!BlockConjugateGradient.Supported(d) || !HalfRows.Supported(d) || (bfloat16 && !BFloat16Rows.Supported(d))) return;
        var capacity = BlockConjugateGradient.GatherCapacity(d);
        var columns = 3 * capacity;
        var rng = new Rng((ulong)d);
        var (r, c, v) = (new List<int>(), new List<int>(), new List<float>());
        for (var row = 0; row < 6; row++)
        {
            var length = row == 1 ? 5 * capacity / 2 : row == 3 ? 6 * capacity / 5 + 3 : 1 + rng.NextInt(30);
            foreach (var column in Enumerable.Range(0, columns).OrderBy(_ => rng.NextInt(1 << 30)).Take(length).Order())
            {
                r.Add(row);
                c.Add(column);
                v.Add(row == 1 && column % 9 == 0 ? 0f : 1 + rng.NextInt(5)); // some c = 1 terms in the long row
            }
        }
        var matrix = CsrMatrix.FromTriples(6, columns, [.. r], [.. c], [.. v]);
        var fixedFactors = new float[columns * d];
        for (var i = 0; i < fixedFactors.Length; i++) fixedFactors[i] = rng.NextFloat() - 0.5f;
        var start = new float[6 * d];
        for (var i = 0; i < start.Length; i++) start[i] = (rng.NextFloat() - 0.5f) * 0.1f;
        var gram = Gram.Compute(fixedFactors, columns, d, 1);
        Gram.AddDiagonal(gram, d, 0.2f);
        var (bits, rounded) = SixteenBitCopy(fixedFactors, bfloat16);
        var read = half ? rounded : fixedFactors;
        var expected = (float[])start.Clone();
        float[] rr = new float[d], p = new float[d], ap = new float[d];
        for (var row = 0; row < 6; row++)
            ConjugateGradient.Solve(gram, read, d, matrix.RowIndices(row), matrix.RowValues(row), 1.5f, 3, expected.AsSpan(row * d, d), rr, p, ap);
        var actual = (float[])start.Clone();
        var scratch = new BlockScratch(d, gather: true);
        scratch.EnsureLongRows(longRowBuffers * capacity);

        for (var row = 0; row < 6;)
        {
            var count = BlockConjugateGradient.BlockLength(matrix, row, 6, d);
            BlockConjugateGradient.Solve(gram, fixedFactors, d, matrix, row, count, 1.5f, 3, actual.AsSpan(row * d, count * d), scratch, half ? bits : default, bfloat16);
            row += count;
        }

        Assert.True(matrix.RowLength(1) > 2 * capacity && BlockConjugateGradient.BlockLength(matrix, 1, 6, d) == 1);
        Assert.Equal(longRowBuffers * capacity * d, scratch.LongRows.Length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Solve_ZeroRowAlreadySolved_StaysZero()
    {
        // An empty row started at 0 has residual 0: CG stops before its first step, as the one-row solver does.
        const int d = 16;
        if (!BlockConjugateGradient.Supported(d)) return;
        var (matrix, fixedFactors, _) = AlsHalfStepTests.Problem(rows: 8, columns: 20, d);
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, 1);
        Gram.AddDiagonal(gram, d, 0.1f);
        var x = new float[d]; // row 0 of Problem is empty (row % 7 == 0)

        BlockConjugateGradient.Solve(gram, fixedFactors, d, matrix, 0, 1, 1f, 3, x, new BlockScratch(d));

        Assert.All(x, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void BlockLength_StopsAtTheRowLimitTheChunkEndAndTheFactorBudget()
    {
        var (matrix, _, _) = AlsHalfStepTests.Problem(rows: 100, columns: 50, 16);
        Assert.Equal(BlockConjugateGradient.MaxRows, BlockConjugateGradient.BlockLength(matrix, 0, 100, 16));
        Assert.Equal(3, BlockConjugateGradient.BlockLength(matrix, 10, 13, 16));
        // d = 4096: the 256 KiB budget holds 16 factor rows, so a block stops before its nonzeros pass 16.
        var first = Enumerable.Range(0, 100).First(r => matrix.RowLength(r) > 8);
        var count = BlockConjugateGradient.BlockLength(matrix, first, 100, 4096);
        var nonZeros = Enumerable.Range(first, count).Sum(matrix.RowLength);
        Assert.True(count == 1 || nonZeros <= 16);
    }

    private static float[] Symmetric(int d, Rng rng)
    {
        var g = new float[d * d];
        for (var a = 0; a < d; a++)
            for (var b = a; b < d; b++) g[a * d + b] = g[b * d + a] = rng.NextFloat() - 0.5f;
        return g;
    }

    // The 16-bit copy a gather reads (half bits, or paired bfloat16 words as ushorts) and the floats it stands for.
    private static (ushort[] Bits, float[] Rounded) SixteenBitCopy(float[] factors, bool bfloat16)
    {
        var bits = new ushort[factors.Length];
        if (!bfloat16)
        {
            Assert.True(HalfRows.Narrow(factors, bits));
            return (bits, bits.Select(HalfRows.WidenReference).ToArray());
        }
        BFloat16Rows.Narrow(factors, System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, uint>(bits.AsSpan()));
        return (bits, factors.Select(BFloat16Rows.Rounded).ToArray());
    }
}
