using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Encore.Core.Sparse;
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
/// Hot slot s is the s-th most popular item (count descending, ties by index); items without a training pair are never hot.
/// </remarks>
internal sealed unsafe class BprItemCopies
{
    private readonly AlignedRows _items;
    private readonly float[] _itemBias;
    private readonly Copy?[] _copies;

    private BprItemCopies(AlignedRows items, float[] itemBias, int[] hot, int workers)
    {
        _items = items;
        _itemBias = itemBias;
        Hot = hot;
        SlotOf = GC.AllocateArray<int>(items.Rows, pinned: true);
        SlotOf.AsSpan().Fill(-1);
        for (var s = 0; s < hot.Length; s++) SlotOf[hot[s]] = s;
        _copies = new Copy?[workers];
    }

    /// <summary>The item of each hot slot, most popular first.</summary>
    public int[] Hot { get; }

    /// <summary>The hot slot of each item, -1 for an item updated in place (pinned, one int per item).</summary>
    public int[] SlotOf { get; }

    /// <summary>
    /// The copies for <paramref name="workers"/> workers of the <paramref name="privateItems"/> most popular items of
    /// <paramref name="matrix"/>, or null when there is nothing to copy (fewer than 2 workers, 0 items, or no training pair).
    /// </summary>
    public static BprItemCopies? Create(CsrMatrix matrix, AlignedRows items, float[] itemBias, int privateItems, int workers)
    {
        if (workers < 2 || privateItems <= 0) return null;
        var hot = MostPopular(matrix, privateItems);
        return hot.Length == 0 ? null : new BprItemCopies(items, itemBias, hot, workers);
    }

    /// <summary>
    /// Up to <paramref name="count"/> items with at least one training pair, by descending count (the nonzeros of their column),
    /// ties by ascending index.
    /// </summary>
    internal static int[] MostPopular(CsrMatrix matrix, int count)
    {
        var counts = new int[matrix.Columns];
        foreach (var c in matrix.ColumnIndices) counts[c]++;
        var items = Enumerable.Range(0, matrix.Columns).Where(j => counts[j] > 0).ToArray();
        Array.Sort(items, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : a.CompareTo(b));
        return items.AsSpan(0, Math.Min(count, items.Length)).ToArray();
    }

    /// <summary>
    /// Worker <paramref name="worker"/>'s copy, made from the shared rows on first use (call it on the worker's own thread, so
    /// the copy's pages and lines start on its core). The shared hot rows are written only by <see cref="Merge"/>, so a copy made
    /// while another worker already steps equals the others' starting point.
    /// </summary>
    public Copy For(int worker)
    {
        var copy = new Copy(Hot.Length, _items.Dimensions);
        var stride = _items.Stride;
        for (var s = 0; s < Hot.Length; s++)
        {
            new ReadOnlySpan<float>(_items.Base + (long)Hot[s] * stride, stride).CopyTo(new Span<float>(copy.Rows.Base + (long)s * stride, stride));
            copy.Bias[s] = _itemBias[Hot[s]];
        }
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
        foreach (var c in _copies)
        {
            if (c is not null) rows[live++] = (nint)c.Rows.Base;
        }
        if (live == 0) return;
        var stride = _items.Stride;
        for (var s = 0; s < Hot.Length; s++)
        {
            var offset = (long)s * stride;
            MergeDeltas(_items.Base + (long)Hot[s] * stride, rows, live, offset, stride);
        }
        var biases = stackalloc nint[live];
        live = 0;
        foreach (var c in _copies)
        {
            if (c is not null) biases[live++] = (nint)c.BiasBase;
        }
        fixed (float* shared = _itemBias)
        {
            for (var s = 0; s < Hot.Length; s++) MergeDeltas(shared + Hot[s], biases, live, s, 1);
        }
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
