namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Reusable buffers of an ALS fit, kept across its half-steps: those of
/// <see cref="Gram.Compute(float[], int, int, int, GramBuffers, CancellationToken)"/> (one d x d partial per stripe and
/// the d x d result), one <see cref="BlockScratch"/> per worker (its gather buffer is 256 KiB: allocating it per
/// half-step cost large-object allocations and collections) and the half-precision copy of the fixed factors.
/// </summary>
internal sealed class GramBuffers(int d)
{
    private BlockScratch?[] _blocks = [];
    private BlockScratch?[] _gathering = [];

    public int Dimensions { get; } = d;

    public float[] Partials { get; } = new float[Gram.Stripes * d * d];

    public float[] Result { get; } = new float[d * d];

    /// <summary>
    /// A copy of the regularized Gram on a cache line (<see cref="Encore.Core.Memory.AlignedArray{T}"/>), for the block
    /// solver: its 6-row tiles load each Gram row once per row pair of vectors, and from a plain array every 512-bit load
    /// straddles two lines.
    /// </summary>
    public Encore.Core.Memory.AlignedArray<float> BlockGram { get; } = new(d * d);

    /// <summary>The half-precision copy of the fixed factors the gathers read under <see cref="Als.GatherPrecision.Half"/> (empty until refreshed).</summary>
    public HalfFactorCopy Half { get; } = new();

    /// <summary>Makes room for <paramref name="workers"/> block scratches; call before a parallel loop (not thread-safe).</summary>
    public void EnsureWorkers(int workers)
    {
        if (_blocks.Length < workers) Array.Resize(ref _blocks, workers);
        if (_gathering.Length < workers) Array.Resize(ref _gathering, workers);
    }

    /// <summary>
    /// Worker <paramref name="worker"/>'s block scratch, with or without a gather buffer, created on first use; a gathering
    /// one gets room for a long row of <paramref name="longRows"/> factor rows (<see cref="BlockScratch.EnsureLongRows"/>).
    /// Distinct workers may call this concurrently.
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">worker not below the count given to <see cref="EnsureWorkers"/>.</exception>
    public BlockScratch Block(int worker, bool gather, int longRows = 0)
    {
        if (!gather) return _blocks[worker] ??= new BlockScratch(Dimensions);
        var scratch = _gathering[worker] ??= new BlockScratch(Dimensions, gather: true);
        scratch.EnsureLongRows(longRows);
        return scratch;
    }
}
