using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Encore.Core.Memory;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// <see cref="ConjugateGradient"/> on a block of consecutive rows in lockstep: every step forms the dense part
/// (Y^T Y + lambda I) p of all the block's rows as one small GEMM (<see cref="BlockGramProduct"/>: each Gram load
/// serves 6 rows, where the one-row kernel loads the whole Gram once per row and step), then adds each row's sparse
/// part and does its scalar CG updates. Each row runs exactly the arithmetic of <see cref="ConjugateGradient.Solve"/>
/// in the same order (a row that converges stops updating), so the factors are bit-identical to solving the rows one
/// by one. Scratch comes from the caller (<see cref="BlockScratch"/>): nothing is allocated.
/// With a gathering scratch, the block's factor rows are copied once into one contiguous buffer (at most
/// <see cref="FactorBytesPerBlock"/> bytes, so it stays in L2) and the four sparse passes (residual and three
/// products) read that buffer in order instead of gathering the rows from the whole factor matrix each time
/// (<see cref="SparseRowTerms.AddContiguous"/>: the rows lie one after another, so their addresses need no index); the
/// floats and their order are the same, so the factors are bit-identical either way. With a half-precision copy of the
/// factors (<see cref="HalfFactorCopy"/>, <see cref="Als.GatherPrecision.Half"/>) the gather reads the halves (half the
/// random bytes) and widens them to floats in the buffer, so the CG arithmetic stays float and the result is bit-identical
/// to solving the rows one by one against the factors rounded to half. A row with more nonzeros than the buffer holds
/// (a block of its own) is gathered once, whole, into the scratch's <see cref="BlockScratch.LongRows"/> when it fits there
/// (its later passes then stream that contiguous copy from L2 / L3 instead of gathering random rows again); a row longer
/// still is gathered in chunks of the buffer's size on every sparse pass. Either way it reads the half copy when there is
/// one, so it is the same row-by-row solve against the rounded factors. With a paired bfloat16 copy instead
/// (<see cref="BFloat16Rows"/>, <see cref="Als.GatherPrecision.BFloat16"/>) the gather copies the 16-bit rows as they are
/// at d = 64 on the 512-bit path, and each sparse pass widens them in registers (<see cref="SparseRowTerms.AddPaired"/>:
/// 128 bytes read per row and pass instead of 256); elsewhere the gather widens them to floats once. Either way it is the
/// row-by-row solve against the factors rounded to bfloat16, bit for bit.
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

    /// <summary>Factor rows a gathering scratch holds: the block budget in rows of d floats.</summary>
    public static int GatherCapacity(int d) => Math.Max(1, FactorBytesPerBlock / (4 * d));

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
    /// <paramref name="halfFactors"/>: empty, or the raw half bits of <paramref name="factors"/> (same layout) for the gather to read.
    /// <paramref name="upcoming"/>: empty, or the next block's nonzeros, whose factor rows are requested towards L2 while this
    /// block computes (<see cref="UpcomingRows"/>; a hint: the result does not depend on it).
    /// </summary>
    /// <exception cref="ArgumentException">count outside 1..<see cref="MaxRows"/>, or x shorter than count x d.</exception>
    public static void Solve(ReadOnlySpan<float> regularizedGram, ReadOnlySpan<float> factors, int d, CsrMatrix matrix, int first, int count,
        float alpha, int steps, Span<float> x, BlockScratch scratch, ReadOnlySpan<ushort> halfFactors = default, bool bfloat16 = false,
        ReadOnlySpan<int> upcoming = default)
    {
        if (count is < 1 or > MaxRows || x.Length < count * d || scratch.Dimensions != d)
            throw new ArgumentException($"block CG: {count} rows of {d} factors (1-{MaxRows} rows, scratch for {scratch.Dimensions}).");
        var n = count * d;
        var r = scratch.R[..n];
        var p = scratch.P[..n];
        var ap = scratch.Ap[..n];
        var rsOld = scratch.RsOld;
        var active = scratch.Active;

        var format = !bfloat16 || halfFactors.IsEmpty ? RowFormat.Plain : SparseRowTerms.PairedSupported(d) ? RowFormat.Paired : RowFormat.WidenedBFloat16;
        var source = Gather(factors, halfFactors, d, matrix, first, count, scratch, format);
        var gathered = source is not null;
        // One row longer than both buffers (count is then 1, see BlockLength): each sparse pass gathers it in chunks.
        var chunked = !gathered && scratch.Gathered is not null && count == 1;
        if (!gathered && !chunked)
            for (var i = 0; i < count; i++) RowProduct.PrefetchFirst(factors, matrix.RowIndices(first + i), d);
        BlockGramProduct.Multiply(regularizedGram, x, r, count, d, -1f);
        var running = 0;
        var ahead = new UpcomingRows(factors, halfFactors, d, upcoming, count * (steps + 1));
        for (var i = 0; i < count; i++)
        {
            ahead.Next();
            var ri = r.Slice(i * d, d);
            if (chunked) ChunkedPass(factors, halfFactors, d, matrix, first, alpha, x.Slice(i * d, d), ri, scratch, residual: true, format);
            else
            {
                var rowFactors = RowSource(factors, d, matrix, first + i, source, scratch, i, format, out var rowIndices);
                if (gathered && format == RowFormat.Paired) SparseRowTerms.AddPaired(MemoryMarshal.Cast<float, uint>(rowFactors), rowIndices, matrix.RowValues(first + i), alpha, x.Slice(i * d, d), ri, residual: true);
                else if (gathered) SparseRowTerms.AddContiguous(rowFactors, d, rowIndices, matrix.RowValues(first + i), alpha, x.Slice(i * d, d), ri, residual: true);
                else RowProduct.AddSparseResidual(rowFactors, d, rowIndices, matrix.RowValues(first + i), alpha, x.Slice(i * d, d), ri);
            }
        }
        // As in the steps below: the rows' sparse passes first, then the rest of their set-up (one copy of the block).
        r.CopyTo(p);
        for (var i = 0; i < count; i++)
        {
            rsOld[i] = CgUpdate.SquaredNorm(r.Slice(i * d, d), d);
            active[i] = !(rsOld[i] < ConjugateGradient.Tolerance);
            if (active[i]) running++;
        }

        for (var step = 0; step < steps && running > 0; step++)
        {
            BlockGramProduct.Multiply(regularizedGram, p, ap, count, d, 1f);
            // The sparse passes of all rows first, then their updates: each row's arithmetic and order are unchanged, but
            // the rows' independent dependency chains (dot, weight, axpy; then p.Ap, the update and r.r) now sit next to
            // each other, so short rows overlap instead of waiting out one row's chain at a time.
            for (var i = 0; i < count; i++)
            {
                if (!active[i]) continue;
                ahead.Next();
                var pi = p.Slice(i * d, d);
                var api = ap.Slice(i * d, d);
                if (chunked) ChunkedPass(factors, halfFactors, d, matrix, first, alpha, pi, api, scratch, residual: false, format);
                else
                {
                    var rowFactors = RowSource(factors, d, matrix, first + i, source, scratch, i, format, out var rowIndices);
                    if (gathered && format == RowFormat.Paired) SparseRowTerms.AddPaired(MemoryMarshal.Cast<float, uint>(rowFactors), rowIndices, matrix.RowValues(first + i), alpha, pi, api, residual: false);
                    else if (gathered) SparseRowTerms.AddContiguous(rowFactors, d, rowIndices, matrix.RowValues(first + i), alpha, pi, api, residual: false);
                    else RowProduct.AddSparseProduct(rowFactors, d, rowIndices, matrix.RowValues(first + i), alpha, pi, api);
                }
            }
            for (var i = 0; i < count; i++)
            {
                if (!active[i]) continue;
                var pi = p.Slice(i * d, d);
                var api = ap.Slice(i * d, d);
                var ri = r.Slice(i * d, d);
                var xi = x.Slice(i * d, d);
                var rsNew = CgUpdate.Step(pi, api, xi, ri, rsOld[i], d);
                if (rsNew < ConjugateGradient.Tolerance)
                {
                    active[i] = false;
                    running--;
                    continue;
                }
                CgUpdate.Direction(ri, pi, rsNew / rsOld[i], d);
                rsOld[i] = rsNew;
            }
        }
    }

    // How a gather stores the rows it reads: as floats (from the floats or widened from the half copy), as floats widened
    // from a paired bfloat16 copy, or as that copy's paired words themselves (d / 2 floats' room per row, widened by each
    // pass: SparseRowTerms.AddPaired).
    private enum RowFormat
    {
        Plain,
        WidenedBFloat16,
        Paired,
    }

    // Copies the block's factor rows (row after row, each row's nonzeros in order) into scratch.Gathered, or a single row
    // longer than that into scratch.LongRows when it fits there; returns the buffer. Null (nothing copied) without a
    // gathering scratch or when the nonzeros fit neither buffer (ChunkedPass).
    private static AlignedArray<float>? Gather(ReadOnlySpan<float> factors, ReadOnlySpan<ushort> halfFactors, int d, CsrMatrix matrix, int first, int count,
        BlockScratch scratch, RowFormat format)
    {
        var buffer = scratch.Gathered;
        if (buffer is null) return null;
        var total = 0;
        for (var i = 0; i < count; i++) total += matrix.RowLength(first + i);
        if ((long)total * d > buffer.Length)
        {
            if (count > 1 || (long)total * d > scratch.LongRows.Length) return null;
            buffer = scratch.LongRows;
        }
        PrefetchFirst(factors, halfFactors, d, matrix.RowIndices(first));
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            scratch.GatheredStart[i] = at;
            var indices = matrix.RowIndices(first + i);
            CopyRows(factors, halfFactors, d, indices, i + 1 < count ? matrix.RowIndices(first + i + 1) : default, buffer.Span, at, format);
            at += indices.Length;
        }
        return buffer;
    }

    // One sparse pass (residual or product) over a row longer than the buffer: its nonzeros in chunks of the buffer's
    // capacity, each chunk's rows gathered as in Gather and then read in order. Each dot depends on its own row only and
    // each output still adds the terms k = 0, 1, ... in order, so the result is the one pass over the whole row.
    private static void ChunkedPass(ReadOnlySpan<float> factors, ReadOnlySpan<ushort> halfFactors, int d, CsrMatrix matrix, int row,
        float alpha, ReadOnlySpan<float> v, Span<float> output, BlockScratch scratch, bool residual, RowFormat format)
    {
        var buffer = scratch.Gathered!.Span;
        var capacity = buffer.Length / d;
        var indices = matrix.RowIndices(row);
        var values = matrix.RowValues(row);
        PrefetchFirst(factors, halfFactors, d, indices);
        for (var start = 0; start < indices.Length; start += capacity)
        {
            var n = Math.Min(capacity, indices.Length - start);
            CopyRows(factors, halfFactors, d, indices.Slice(start, n), indices[(start + n)..], buffer, 0, format);
            if (format == RowFormat.Paired)
                SparseRowTerms.AddPaired(MemoryMarshal.Cast<float, uint>(buffer[..(n * d / 2)]), scratch.Identity.AsSpan(0, n), values.Slice(start, n), alpha, v, output, residual);
            else SparseRowTerms.AddContiguous(buffer[..(n * d)], d, scratch.Identity.AsSpan(0, n), values.Slice(start, n), alpha, v, output, residual);
        }
    }

    // Requests the first PrefetchAhead rows of indices (of the half copy when there is one).
    private static void PrefetchFirst(ReadOnlySpan<float> factors, ReadOnlySpan<ushort> halfFactors, int d, ReadOnlySpan<int> indices)
    {
        var half = !halfFactors.IsEmpty;
        ref var p0 = ref half ? ref Unsafe.As<ushort, float>(ref MemoryMarshal.GetReference(halfFactors)) : ref MemoryMarshal.GetReference(factors);
        for (var k = 0; k < Math.Min(RowProduct.PrefetchAhead, indices.Length); k++) RowProduct.PrefetchRow(ref p0, indices[k], half ? d / 2 : d);
    }

    // Copies the factor rows of indices into buffer rows at, at + 1, ...: from the floats, or with a 16-bit copy its row
    // of d / 2 floats' room widened (HalfRows.Widen, BFloat16Rows.Widen) or, paired, copied as it is (d / 2 floats per
    // buffer row); each row but a paired one prefetched PrefetchAhead rows early, running on into next.
    private static void CopyRows(ReadOnlySpan<float> factors, ReadOnlySpan<ushort> halfFactors, int d, ReadOnlySpan<int> indices,
        ReadOnlySpan<int> next, Span<float> buffer, int at, RowFormat format)
    {
        var half = !halfFactors.IsEmpty;
        ref var f0 = ref MemoryMarshal.GetReference(factors);
        ref var h0 = ref MemoryMarshal.GetReference(halfFactors);
        // What the prefetches address: a half row is d / 2 floats wide.
        ref var p0 = ref half ? ref Unsafe.As<ushort, float>(ref h0) : ref f0;
        var rowFloats = half ? d / 2 : d;
        ref var b0 = ref MemoryMarshal.GetReference(buffer);
        // The paired copy's rows were requested towards L2 while the block before computed (UpcomingRows): requesting each
        // again here only added instructions (bench/results/gemm-als.md, "Session 25").
        var prefetch = format != RowFormat.Paired;
        var wide = VectorWidth.For(d);
        for (var k = 0; k < indices.Length; k++, at++)
        {
            var ahead = k + RowProduct.PrefetchAhead;
            if (prefetch && ahead < indices.Length) RowProduct.PrefetchRow(ref p0, indices[ahead], rowFloats);
            else if (prefetch && ahead - indices.Length < next.Length) RowProduct.PrefetchRow(ref p0, next[ahead - indices.Length], rowFloats);
            if (format == RowFormat.Paired)
            {
                // d = 64: 32 words, two 512-bit copies.
                ref var from = ref Unsafe.Add(ref p0, (nint)indices[k] * rowFloats);
                ref var into = ref Unsafe.Add(ref b0, (nint)at * rowFloats);
                Vector512.LoadUnsafe(ref from).StoreUnsafe(ref into);
                Vector512.LoadUnsafe(ref from, 16).StoreUnsafe(ref into, 16);
                continue;
            }
            ref var target = ref Unsafe.Add(ref b0, (nint)at * d);
            if (format == RowFormat.WidenedBFloat16)
            {
                BFloat16Rows.Widen(ref Unsafe.As<float, uint>(ref Unsafe.Add(ref p0, (nint)indices[k] * rowFloats)), ref target, d, wide);
                continue;
            }
            if (half)
            {
                HalfRows.Widen(ref Unsafe.Add(ref h0, (nint)indices[k] * d), ref target, d, wide);
                continue;
            }
            // An inline 8-lane copy, 16-lane with AVX-512 (the block path needs AVX2 and d a multiple of 16): Span.CopyTo's
            // call into Buffer.Memmove per 256-byte row cost as much as the gather's misses on HetRec.
            ref var source = ref Unsafe.Add(ref f0, (nint)indices[k] * d);
            if (wide)
                for (var f = 0; f < d; f += 16) Vector512.LoadUnsafe(ref source, (nuint)f).StoreUnsafe(ref target, (nuint)f);
            else
                for (var f = 0; f < d; f += 8) Vector256.LoadUnsafe(ref source, (nuint)f).StoreUnsafe(ref target, (nuint)f);
        }
    }

    // The factor rows and indices row `row` (block row i) reads: the gathered copy (source) with indices 0, 1, ... or the matrix.
    private static ReadOnlySpan<float> RowSource(ReadOnlySpan<float> factors, int d, CsrMatrix matrix, int row, AlignedArray<float>? source,
        BlockScratch scratch, int i, RowFormat format, out ReadOnlySpan<int> indices)
    {
        if (source is null)
        {
            indices = matrix.RowIndices(row);
            return factors;
        }
        var length = matrix.RowLength(row);
        indices = scratch.Identity.AsSpan(0, length);
        var rowFloats = format == RowFormat.Paired ? d / 2 : d;
        return source.Span.Slice(scratch.GatheredStart[i] * rowFloats, length * rowFloats);
    }
}
