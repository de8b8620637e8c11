using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The next block's factor rows, requested towards L2 (<see cref="RowProduct.PrefetchRowL2"/>) in equal shares before
/// each of the current block's sparse passes (<see cref="Next"/>), so that the next gather finds them there instead of
/// waiting on memory while the FMA units idle: the memory traffic of one block overlaps the arithmetic of the one before.
/// On the Last.fm-360k shape the gather was 30% of an iteration (bench/results/gemm-als.md, "Session 23"). A hint only:
/// the arithmetic and its result do not depend on it, and a block that converges early leaves the rest to the gather's
/// own prefetches. Spreading the requests over every group of eight nonzeros instead measured the same: either way the
/// requests wait on the memory system's miss buffers, which bound this part.
/// </summary>
internal ref struct UpcomingRows
{
    private readonly ref float _rows;
    private readonly int _rowFloats;
    private readonly ReadOnlySpan<int> _indices;
    private readonly int _perPass;
    private int _next;

    /// <param name="factors">The fixed factors (rows of d).</param>
    /// <param name="halfFactors">Empty, or their 16-bit copy (rows of d / 2 floats' room), which the gather then reads.</param>
    /// <param name="d">Factors per row.</param>
    /// <param name="indices">The next block's nonzeros (factor rows); empty requests nothing.</param>
    /// <param name="passes">The calls of <see cref="Next"/> to share them over (the block's rows times its passes, at least 1).</param>
    public UpcomingRows(ReadOnlySpan<float> factors, ReadOnlySpan<ushort> halfFactors, int d, ReadOnlySpan<int> indices, int passes)
    {
        var half = !halfFactors.IsEmpty;
        _rows = ref half ? ref Unsafe.As<ushort, float>(ref MemoryMarshal.GetReference(halfFactors)) : ref MemoryMarshal.GetReference(factors);
        _rowFloats = half ? d / 2 : d;
        _indices = indices;
        _perPass = (indices.Length + passes - 1) / Math.Max(1, passes);
    }

    /// <summary>Requests the next share of the rows (none once all are requested).</summary>
    public void Next()
    {
        var end = Math.Min(_indices.Length, _next + _perPass);
        for (; _next < end; _next++) RowProduct.PrefetchRowL2(ref _rows, _indices[_next], _rowFloats);
    }
}
