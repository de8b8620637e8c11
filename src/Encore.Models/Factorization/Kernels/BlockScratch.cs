namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Per-worker buffers of <see cref="BlockConjugateGradient"/>: r, p and A p for <see cref="BlockConjugateGradient.MaxRows"/>
/// rows of d; with <paramref name="gather"/>, also room for a block's gathered factor rows
/// (<see cref="BlockConjugateGradient.FactorBytesPerBlock"/> bytes) and the identity index list that addresses them.
/// </summary>
internal sealed class BlockScratch(int d, bool gather = false)
{
    public int Dimensions { get; } = d;

    public float[] R { get; } = new float[BlockConjugateGradient.MaxRows * d];

    public float[] P { get; } = new float[BlockConjugateGradient.MaxRows * d];

    public float[] Ap { get; } = new float[BlockConjugateGradient.MaxRows * d];

    public float[] RsOld { get; } = new float[BlockConjugateGradient.MaxRows];

    public bool[] Active { get; } = new bool[BlockConjugateGradient.MaxRows];

    /// <summary>The block's factor rows, copied once per block (rows of d, in nonzero order); null without gathering.</summary>
    public float[]? Gathered { get; } = gather ? new float[BlockConjugateGradient.GatherCapacity(d) * d] : null;

    /// <summary>0, 1, 2, ...: the indices of <see cref="Gathered"/>'s rows.</summary>
    public int[] Identity { get; } = gather ? [.. Enumerable.Range(0, BlockConjugateGradient.GatherCapacity(d))] : [];

    /// <summary>First gathered row of each block row.</summary>
    public int[] GatheredStart { get; } = new int[BlockConjugateGradient.MaxRows];
}
