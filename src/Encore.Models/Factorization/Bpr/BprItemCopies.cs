using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// Per-worker copies of the factor rows and biases of the H most popular items (<see cref="BprOptions.PrivateItems"/>), merged
/// by delayed updates: during an epoch worker w writes only its copy C_w of a hot item (the shared row S is not written), and at
/// the end of the epoch, while every worker waits, <see cref="Merge"/> sets S' = S + sum over w of (C_w - S) and every C_w = S'.
/// Summing the workers' changes (rather than averaging them) keeps the step size: a hot item's row moves by all of its steps of
/// the epoch, each computed against the row as its own worker last saw it (its own steps at once, the others' at the merge).
/// </summary>
/// <remarks>
/// Why: with the item rows shared, the popular items' rows are written by both workers step after step, and their cache lines
/// move between the cores on most steps; on this host in some windows that doubled a 2-thread fit's CPU (bench/results/
/// models-kernels.md, "Session 13 BPR", section 4). The hot set takes most of the steps (HetRec: the top 1024 of 15,414 items
/// hold 62% of the training pairs, and popularity negatives follow the same distribution), while a cold row is written a few
/// times per epoch, seldom by both workers at once, so it stays shared and the merge stays small (H rows, not all).
/// The items are relabelled by descending popularity for the fit (<see cref="BprItemOrder"/>), so the hot items are rows
/// 0 .. H - 1 and a copy and a merge are each one contiguous block.
/// </remarks>
internal sealed unsafe class BprItemCopies
{
    private readonly AlignedRows _items;
    private readonly float[] _itemBias;
    private readonly Copy?[] _copies;

    /// <summary>
    /// Copies for <paramref name="workers"/> workers of rows and biases 0 .. <paramref name="hot"/> - 1 of
    /// <paramref name="items"/> and <paramref name="itemBias"/> (the items relabelled by popularity: <see cref="BprItemOrder"/>).
    /// </summary>
    public BprItemCopies(AlignedRows items, float[] itemBias, int hot, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hot);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hot, items.Rows);
        _items = items;
        _itemBias = itemBias;
        Hot = hot;
        _copies = new Copy?[workers];
    }

    /// <summary>H: the rows 0 .. H - 1 each worker keeps a copy of.</summary>
    public int Hot { get; }

    /// <summary>
    /// H for <paramref name="privateItems"/> (<see cref="BprOptions.PrivateItems"/>): at most the items with a training pair
    /// (<paramref name="counts"/>: the nonzeros per item), as an item without one is only ever a uniform negative.
    /// </summary>
    public static int HotCount(int privateItems, ReadOnlySpan<int> counts)
    {
        var withPairs = 0;
        foreach (var c in counts) withPairs += c > 0 ? 1 : 0;
        return Math.Min(privateItems, withPairs);
    }

    /// <summary>
    /// Worker <paramref name="worker"/>'s copy, made from the shared rows on first use (call it on the worker's own thread, so
    /// the copy's pages and lines start on its core). The shared hot rows are written only by <see cref="Merge"/>, so a copy made
    /// while another worker already steps equals the others' starting point.
    /// </summary>
    public Copy For(int worker)
    {
        var copy = new Copy(Hot, _items.Dimensions);
        new ReadOnlySpan<float>(_items.Base, Hot * _items.Stride).CopyTo(new Span<float>(copy.Rows.Base, Hot * _items.Stride));
        _itemBias.AsSpan(0, Hot).CopyTo(copy.Bias);
        _copies[worker] = copy;
        return copy;
    }

    /// <summary>
    /// The end-of-epoch merge (every worker waiting): for each hot row and bias, S' = S + sum of (C_w - S) over the workers that
    /// made a copy, in worker order, then S and every copy = S'.
    /// </summary>
    public void Merge()
    {
        var live = 0;
        var rows = stackalloc nint[_copies.Length];
        var biases = stackalloc nint[_copies.Length];
        foreach (var c in _copies)
        {
            if (c is null) continue;
            rows[live] = (nint)c.Rows.Base;
            biases[live++] = (nint)c.BiasBase;
        }
        if (live == 0) return;
        MergeDeltas(_items.Base, rows, live, 0, Hot * _items.Stride);
        fixed (float* shared = _itemBias) MergeDeltas(shared, biases, live, 0, Hot);
    }

    /// <summary>
    /// For f in [0, <paramref name="length"/>): sum = shared[f]; sum += copy_w[offset + f] - shared[f] for w = 0 .. copies - 1 in
    /// turn (float arithmetic, no fused operations, so the 8-lane blocks round exactly as the scalar tail); then shared[f] and every
    /// copy_w[offset + f] = sum. <paramref name="copies"/>[w] is the address of copy w's first float.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MergeDeltas(float* shared, nint* copies, int count, long offset, int length)
    {
        var f = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; f + 8 <= length; f += 8)
            {
                var s = Vector256.Load(shared + f);
                var sum = s;
                for (var w = 0; w < count; w++) sum += Vector256.Load((float*)copies[w] + offset + f) - s;
                sum.Store(shared + f);
                for (var w = 0; w < count; w++) sum.Store((float*)copies[w] + offset + f);
            }
        }
        for (; f < length; f++)
        {
            var s = shared[f];
            var sum = s;
            for (var w = 0; w < count; w++) sum += ((float*)copies[w])[offset + f] - s;
            shared[f] = sum;
            for (var w = 0; w < count; w++) ((float*)copies[w])[offset + f] = sum;
        }
    }

    /// <summary>One worker's copy: H rows on cache lines (slot s at Rows.Base + s x stride) and H biases, pinned.</summary>
    internal sealed class Copy(int hot, int d)
    {
        private readonly float[] _bias = GC.AllocateArray<float>(hot, pinned: true);

        public AlignedRows Rows { get; } = new(hot, d);

        public float[] Bias => _bias;

        public float* BiasBase => (float*)Unsafe.AsPointer(ref _bias[0]);
    }
}
