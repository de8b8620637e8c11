using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Requests the factor rows the next block will gather (<see cref="BlockConjugateGradient"/>) while the current block
/// computes: the next block's nonzeros (at most a gather buffer's capacity of them) are split into one slice per sparse
/// row-pass of the current block (its rows times 1 + CG steps), and <see cref="Issue"/> prefetches the next slice. The
/// gather of the next block then finds its rows in cache instead of waiting out their L3 / DRAM misses with nothing else to
/// do. Hints only: nothing is read or written, so the factors are bit for bit the same with or without it.
/// </summary>
internal ref struct NextBlockPrefetch
{
    private readonly ref float _rows;
    private readonly int _rowFloats;
    private readonly ReadOnlySpan<int> _indices;
    private readonly int _perPass;
    private int _at;

    /// <summary>Rows requested so far (0 to <see cref="Rows"/>).</summary>
    public readonly int Requested => _at;

    /// <summary>Rows this prefetch requests in all: the next block's nonzeros, at most the capacity.</summary>
    public readonly int Rows => _indices.Length;

    /// <summary>
    /// The rows of matrix rows [first, first + count) (count 0: nothing to request), from the half copy when
    /// <paramref name="halfFactors"/> is not empty, else from <paramref name="factors"/> (rows of d); at most
    /// <paramref name="capacity"/> of them, spread over <paramref name="passes"/> calls of <see cref="Issue"/>.
    /// </summary>
    /// <exception cref="ArgumentException">[first, first + count) is not a range of the matrix's rows (count above 0).</exception>
    public NextBlockPrefetch(ReadOnlySpan<float> factors, ReadOnlySpan<ushort> halfFactors, int d, CsrMatrix matrix, int first, int count,
        int capacity, int passes)
    {
        var half = !halfFactors.IsEmpty;
        _rows = ref half ? ref Unsafe.As<ushort, float>(ref MemoryMarshal.GetReference(halfFactors)) : ref MemoryMarshal.GetReference(factors);
        _rowFloats = half ? d / 2 : d;
        if (count < 1) return;
        if (first < 0 || first > matrix.Rows - count)
            throw new ArgumentException($"next block: rows {first} to {(long)first + count - 1} of a matrix of {matrix.Rows} rows.", nameof(count));
        var offsets = matrix.Offsets;
        var start = offsets[first];
        var length = Math.Min(capacity, offsets[first + count] - start);
        _indices = matrix.ColumnIndices.Slice(start, length);
        _perPass = (length + Math.Max(1, passes) - 1) / Math.Max(1, passes);
    }

    /// <summary>Requests the next slice of rows (nothing once all are requested).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Issue()
    {
        var end = Math.Min(_indices.Length, _at + _perPass);
        for (; _at < end; _at++) RowProduct.PrefetchRow(ref _rows, _indices[_at], _rowFloats);
    }
}
