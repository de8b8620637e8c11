namespace Encore.Models.Factorization.Kernels;

/// <summary>Reusable buffers of <see cref="Gram.Compute(float[], int, int, int, GramBuffers, CancellationToken)"/>: one d x d partial per stripe and the d x d result.</summary>
internal sealed class GramBuffers(int d)
{
    public int Dimensions { get; } = d;

    public float[] Partials { get; } = new float[Gram.Stripes * d * d];

    public float[] Result { get; } = new float[d * d];
}
