using Encore.Core.Memory;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Per-worker buffers of <see cref="BlockConjugateGradient"/>: r, p and A p for <see cref="BlockConjugateGradient.MaxRows"/>
/// rows of d; with <paramref name="gather"/>, also room for a block's gathered factor rows
/// (<see cref="BlockConjugateGradient.FactorBytesPerBlock"/> bytes) and the identity index list that addresses them,
/// and, once <see cref="EnsureLongRows"/> asks for it, a buffer that holds a whole row longer than that budget
/// (<see cref="LongRows"/>). Every float buffer starts on a cache line (<see cref="AlignedArray{T}"/>), so rows of
/// 64 or 128 bytes read from it never straddle one.
/// </summary>
internal sealed class BlockScratch(int d, bool gather = false)
{
    private readonly AlignedArray<float> _r = new(BlockConjugateGradient.MaxRows * d);
    private readonly AlignedArray<float> _p = new(BlockConjugateGradient.MaxRows * d);
    private readonly AlignedArray<float> _ap = new(BlockConjugateGradient.MaxRows * d);

    public int Dimensions { get; } = d;

    public Span<float> R => _r.Span;

    public Span<float> P => _p.Span;

    public Span<float> Ap => _ap.Span;

    public float[] RsOld { get; } = new float[BlockConjugateGradient.MaxRows];

    public bool[] Active { get; } = new bool[BlockConjugateGradient.MaxRows];

    /// <summary>The block's factor rows, copied once per block (rows of d, in nonzero order); null without gathering.</summary>
    public AlignedArray<float>? Gathered { get; } = gather ? new AlignedArray<float>(BlockConjugateGradient.GatherCapacity(d) * d) : null;

    /// <summary>0, 1, 2, ...: the indices of <see cref="Gathered"/>'s and <see cref="LongRows"/>'s rows.</summary>
    public int[] Identity { get; private set; } = gather ? [.. Enumerable.Range(0, BlockConjugateGradient.GatherCapacity(d))] : [];

    /// <summary>
    /// One long row's factor rows (rows of d, in nonzero order), gathered once for all its CG passes; empty until
    /// <see cref="EnsureLongRows"/> makes room (only a gathering scratch gets one).
    /// </summary>
    public AlignedArray<float> LongRows { get; private set; } = new(0);

    /// <summary>
    /// Grows <see cref="LongRows"/> (and <see cref="Identity"/>) to hold <paramref name="rows"/> factor rows; never shrinks.
    /// Call before the scratch's loop (it allocates); no effect without a gather buffer.
    /// </summary>
    public void EnsureLongRows(int rows)
    {
        if (Gathered is null || LongRows.Length >= (long)rows * Dimensions) return;
        LongRows = new AlignedArray<float>(rows * Dimensions);
        if (Identity.Length < rows) Identity = [.. Enumerable.Range(0, rows)];
    }

    /// <summary>First gathered row of each block row.</summary>
    public int[] GatheredStart { get; } = new int[BlockConjugateGradient.MaxRows];
}
