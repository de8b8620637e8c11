using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// The item side of a stratified BPR epoch (DSGD, Gemulla et al. 2011): every epoch each item is put in one of
/// <see cref="Blocks"/> blocks uniformly at random (stream <c>Rng.Fork(Seed, <see cref="BlockStream"/>)</c>, continued from
/// epoch to epoch), and each block gets its own negative table (<see cref="PopularityAliasTable.BuildInto"/> over the block's
/// items: popularity counts or, for uniform negatives, ones) and its own array of item biases, so that two strata running at
/// once never write the same cache line (item rows are whole lines already; biases are 16 to a line).
/// </summary>
/// <remarks>
/// Bias bookkeeping: <see cref="Draw"/> copies each item's bias from the canonical array into its new block's array,
/// <see cref="Gather"/> copies it back after the epoch; in between only the block's array is read and written. All arrays are
/// pinned (the epoch loop takes their addresses). Memory: Blocks x items x (4 bias + 8 table + 20 build scratch) bytes.
/// </remarks>
internal sealed class ItemStrata
{
    /// <summary>Stream of the per-epoch block draws: <c>Rng.Fork(Seed, BlockStream)</c>.</summary>
    internal const ulong BlockStream = 1UL << 60;

    private readonly int[] _weights;
    private readonly long[][] _mass;
    private readonly int[][] _small;
    private readonly int[][] _large;
    private Rng _rng;

    /// <summary>
    /// Strata over <paramref name="matrix"/>'s columns in <paramref name="blocks"/> blocks (2 to 255), negatives weighted by
    /// column counts when <paramref name="popularity"/> is set, else uniform. Call <see cref="Draw"/> before the first epoch.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blocks"/> outside 2..255.</exception>
    public ItemStrata(CsrMatrix matrix, int blocks, ulong seed, bool popularity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks, 255);
        var n = matrix.Columns;
        Blocks = blocks;
        _weights = popularity ? matrix.ColumnCounts() : [.. Enumerable.Repeat(1, n)];
        BlockOf = GC.AllocateArray<byte>(n, pinned: true);
        Bias = new float[blocks][];
        Entries = new int[blocks][];
        Units = new int[blocks];
        _mass = new long[blocks][];
        _small = new int[blocks][];
        _large = new int[blocks][];
        for (var b = 0; b < blocks; b++)
        {
            Bias[b] = GC.AllocateArray<float>(n, pinned: true);
            Entries[b] = GC.AllocateArray<int>(2 * n, pinned: true);
            _mass[b] = new long[n];
            _small[b] = new int[n];
            _large[b] = new int[n];
        }
        _rng = Rng.Fork(seed, BlockStream);
    }

    /// <summary>Number of item blocks (the strata per sub-epoch and the sub-epochs per epoch).</summary>
    public int Blocks { get; }

    /// <summary>The block of each item this epoch (items long).</summary>
    public byte[] BlockOf { get; }

    /// <summary>Per block, the item biases (items long; an item's entry is live in its block's array only).</summary>
    public float[][] Bias { get; }

    /// <summary>Per block, the (threshold, alias) negative table built by <see cref="BuildTable"/>.</summary>
    public int[][] Entries { get; }

    /// <summary>Per block, the units per entry of its table (the block's total weight; 0: the block has nothing to draw).</summary>
    public int[] Units { get; }

    /// <summary>Draws the next epoch's blocks (one <c>NextInt(Blocks)</c> per item, in item order) and copies each item's bias from <paramref name="bias"/> into its block's array.</summary>
    public void Draw(ReadOnlySpan<float> bias)
    {
        for (var j = 0; j < BlockOf.Length; j++)
        {
            var b = _rng.NextInt(Blocks);
            BlockOf[j] = (byte)b;
            Bias[b][j] = bias[j];
        }
    }

    /// <summary>Rebuilds block <paramref name="block"/>'s negative table for this epoch's blocks. Blocks may be built concurrently (each has its own scratch).</summary>
    public void BuildTable(int block) =>
        Units[block] = PopularityAliasTable.BuildInto(_weights, BlockOf, block, Entries[block], _mass[block], _small[block], _large[block]);

    /// <summary>Copies each item's bias from its block's array back into <paramref name="bias"/>.</summary>
    public void Gather(Span<float> bias)
    {
        for (var j = 0; j < BlockOf.Length; j++) bias[j] = Bias[BlockOf[j]][j];
    }
}
