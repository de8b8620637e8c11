using System.Numerics.Tensors;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// <see cref="ConjugateGradient"/> on a block of consecutive rows in lockstep: every step forms the dense part
/// (Y^T Y + lambda I) p of all the block's rows as one small GEMM (<see cref="BlockGramProduct"/>: each Gram load
/// serves 6 rows, where the one-row kernel loads the whole Gram once per row and step), then adds each row's sparse
/// part and does its scalar CG updates. Each row runs exactly the arithmetic of <see cref="ConjugateGradient.Solve"/>
/// in the same order (a row that converges stops updating), so the factors are bit-identical to solving the rows one
/// by one. Scratch comes from the caller (<see cref="BlockScratch"/>): nothing is allocated.
/// </summary>
internal static class BlockConjugateGradient
{
    /// <summary>Largest block: two 6-row register tiles.</summary>
    public const int MaxRows = 2 * BlockGramProduct.TileRows;

    /// <summary>
    /// A block's factor-row budget: rows are added while their nonzeros' factor rows (4 d bytes each) fit in this many
    /// bytes, so the block's gathered rows stay in L2 across the CG steps (this machine: 512 KiB of L2 per core).
    /// </summary>
    public const int FactorBytesPerBlock = 256 * 1024;

    /// <summary>True when the block kernel runs for d factors here (AVX2 + FMA, d a multiple of 16).</summary>
    public static bool Supported(int d) => BlockGramProduct.Supported(d);

    /// <summary>Rows of the block starting at <paramref name="first"/>, at most <paramref name="end"/> - first.</summary>
    public static int BlockLength(CsrMatrix matrix, int first, int end, int d)
    {
        var budget = FactorBytesPerBlock / (4 * d);
        var count = 1;
        var nonZeros = matrix.RowLength(first);
        while (count < MaxRows && first + count < end && nonZeros + matrix.RowLength(first + count) <= budget)
            nonZeros += matrix.RowLength(first + count++);
        return count;
    }

    /// <summary>
    /// Solves rows [first, first + count) of <paramref name="matrix"/> in place of <paramref name="x"/> (count x d,
    /// warm start in, solution out) with <paramref name="steps"/> CG steps each.
    /// </summary>
    /// <exception cref="ArgumentException">count outside 1..<see cref="MaxRows"/>, or x shorter than count x d.</exception>
    public static void Solve(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d, CsrMatrix matrix, int first, int count,
        float alpha, int steps, Span<float> x, BlockScratch scratch)
    {
        if (count is < 1 or > MaxRows || x.Length < count * d || scratch.Dimensions != d)
            throw new ArgumentException($"block CG: {count} rows of {d} factors (1-{MaxRows} rows, scratch for {scratch.Dimensions}).");
        var n = count * d;
        var r = scratch.R.AsSpan(0, n);
        var p = scratch.P.AsSpan(0, n);
        var ap = scratch.Ap.AsSpan(0, n);
        var rsOld = scratch.RsOld;
        var active = scratch.Active;

        for (var i = 0; i < count; i++) RowProduct.PrefetchFirst(factors, matrix.RowIndices(first + i), d);
        BlockGramProduct.Multiply(regularizedGram, x, r, count, d, -1f);
        var running = 0;
        for (var i = 0; i < count; i++)
        {
            var ri = r.Slice(i * d, d);
            RowProduct.AddSparseResidual(factors, d, matrix.RowIndices(first + i), matrix.RowValues(first + i), alpha, x.Slice(i * d, d), ri);
            ri.CopyTo(p.Slice(i * d, d));
            rsOld[i] = TensorPrimitives.Dot(ri, ri);
            active[i] = !(rsOld[i] < ConjugateGradient.Tolerance);
            if (active[i]) running++;
        }

        for (var step = 0; step < steps && running > 0; step++)
        {
            BlockGramProduct.Multiply(regularizedGram, p, ap, count, d, 1f);
            for (var i = 0; i < count; i++)
            {
                if (!active[i]) continue;
                var pi = p.Slice(i * d, d);
                var api = ap.Slice(i * d, d);
                var ri = r.Slice(i * d, d);
                var xi = x.Slice(i * d, d);
                RowProduct.AddSparseProduct(factors, d, matrix.RowIndices(first + i), matrix.RowValues(first + i), alpha, pi, api);
                var a = rsOld[i] / TensorPrimitives.Dot(pi, api);
                TensorPrimitives.MultiplyAdd(pi, a, xi, xi);
                TensorPrimitives.MultiplyAdd(api, -a, ri, ri);
                var rsNew = TensorPrimitives.Dot(ri, ri);
                if (rsNew < ConjugateGradient.Tolerance)
                {
                    active[i] = false;
                    running--;
                    continue;
                }
                TensorPrimitives.MultiplyAdd(pi, rsNew / rsOld[i], ri, pi);
                rsOld[i] = rsNew;
            }
        }
    }
}
