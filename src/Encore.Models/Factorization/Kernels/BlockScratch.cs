namespace Encore.Models.Factorization.Kernels;

/// <summary>Per-worker buffers of <see cref="BlockConjugateGradient"/>: r, p and A p for <see cref="BlockConjugateGradient.MaxRows"/> rows of d.</summary>
internal sealed class BlockScratch(int d)
{
    public int Dimensions { get; } = d;

    public float[] R { get; } = new float[BlockConjugateGradient.MaxRows * d];

    public float[] P { get; } = new float[BlockConjugateGradient.MaxRows * d];

    public float[] Ap { get; } = new float[BlockConjugateGradient.MaxRows * d];

    public float[] RsOld { get; } = new float[BlockConjugateGradient.MaxRows];

    public bool[] Active { get; } = new bool[BlockConjugateGradient.MaxRows];
}
