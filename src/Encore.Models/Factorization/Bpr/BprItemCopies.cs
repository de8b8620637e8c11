using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// Per-worker copies of the factor rows and biases of the H most popular items (<see cref="BprOptions.PrivateItems"/>), merged
/// by delayed updates: worker w writes only its copy C_w of a hot item and keeps B_w, the shared row S as of its last sync. A
/// sync of worker w (<see cref="Sync"/>, under a lock, when the worker has taken <see cref="SyncSteps"/> steps since its last
/// one, checked between chunks) adds its change, S += C_w - B_w, then sets C_w = B_w = S; the end-of-epoch merge
/// (<see cref="Merge"/>, every worker waiting at the epoch barrier) adds every worker's change in worker order and then sets
/// every C_w = B_w = S. Summing the workers' changes (rather than averaging them) keeps the step size: a hot item's row moves
/// by all of its steps, each computed against the row as its own worker last saw it (its own steps at once, the others' at
/// its next sync). So another worker's steps on a hot item reach a worker within about SyncSteps of its own steps (and of the
/// other's), or at the epoch's end: with two workers about twice per worker and epoch on HetRec (74k steps an epoch), about
/// 50 times on the synthetic split (1.6M).
/// </summary>
/// <remarks>
/// Why: with the item rows shared, the popular items' rows are written by both workers step after step, and their cache lines
/// move between the cores on most steps; on this host in some windows that doubled a 2-thread fit's CPU (bench/results/
/// models-kernels.md, "Session 13 BPR", section 4). The hot set takes most of the steps (HetRec: the top 1024 of 15,414 items
/// hold 62% of the training pairs, and popularity negatives follow the same distribution), while a cold row is written a few
/// times per epoch, seldom by both workers at once, so it stays shared and the merge stays small (H rows, not all).
/// The items are relabelled by descending popularity for the fit (<see cref="BprItemOrder"/>), so the hot items are rows
/// 0 .. H - 1 and a copy and a merge are each one contiguous block. A sync waits only for another worker's sync (tens of
/// microseconds), never for a worker to finish its chunk.
/// </remarks>
internal sealed unsafe class BprItemCopies
{
    /// <summary>
    /// Steps a worker takes between syncs (at least; checked when a chunk ends). With one merge per epoch and no sync the
    /// synthetic split's NDCG@10 fell to 0.1206-0.1270 (main 0.1243-0.1265, seeds 42-44: a hot item took hundreds of steps per
    /// worker against a row an epoch old); with this sync it matched main's: bench/results/models-kernels.md, "Session 14 BPR".
    /// </summary>
    internal const long SyncSteps = 1 << 14;

    private readonly AlignedRows _items;
    private readonly float[] _itemBias;
    private readonly Copy?[] _copies;
    private readonly Lock _gate = new();

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
    /// Worker <paramref name="worker"/>'s copy, made from the shared rows (call it on the worker's own thread, so the copy's
    /// pages start on its core, and before the worker's first step).
    /// </summary>
    public Copy For(int worker)
    {
        var copy = new Copy(Hot, _items.Dimensions);
        lock (_gate) Reset(copy);
        _copies[worker] = copy;
        return copy;
    }

    /// <summary>Worker's sync: S += C - B, then C = B = S (rows and biases), under the lock.</summary>
    public void Sync(Copy copy)
    {
        lock (_gate)
        {
            AddChange(copy);
            Reset(copy);
        }
    }

    /// <summary>
    /// The end-of-epoch merge (every worker waiting): S += C_w - B_w for every worker that made a copy, in worker order, then
    /// every C_w = B_w = S.
    /// </summary>
    public void Merge()
    {
        lock (_gate)
        {
            foreach (var c in _copies)
                if (c is not null) AddChange(c);
            foreach (var c in _copies)
                if (c is not null) Reset(c);
        }
    }

    private void AddChange(Copy c)
    {
        AddDelta(_items.Base, c.Rows.Base, c.Start.Base, Hot * _items.Stride);
        fixed (float* shared = _itemBias, bias = c.Bias, start = c.StartBias) AddDelta(shared, bias, start, Hot);
    }

    private void Reset(Copy c)
    {
        var rows = new ReadOnlySpan<float>(_items.Base, Hot * _items.Stride);
        rows.CopyTo(new Span<float>(c.Rows.Base, rows.Length));
        rows.CopyTo(new Span<float>(c.Start.Base, rows.Length));
        _itemBias.AsSpan(0, Hot).CopyTo(c.Bias);
        _itemBias.AsSpan(0, Hot).CopyTo(c.StartBias);
    }

    /// <summary>
    /// shared[f] += copy[f] - start[f] for f in [0, <paramref name="length"/>) (float arithmetic, no fused operations, so the
    /// 8-lane blocks round exactly as the scalar tail).
    /// </summary>
    internal static void AddDelta(float* shared, float* copy, float* start, int length)
    {
        var f = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; f + 8 <= length; f += 8)
                (Vector256.Load(shared + f) + (Vector256.Load(copy + f) - Vector256.Load(start + f))).Store(shared + f);
        }
        for (; f < length; f++) shared[f] += copy[f] - start[f];
    }

    /// <summary>
    /// One worker's copy: C (<see cref="Rows"/>, <see cref="Bias"/>), which its steps write, and B (<see cref="Start"/>,
    /// <see cref="StartBias"/>), the shared values as of its last sync; H rows on cache lines each.
    /// </summary>
    internal sealed class Copy(int hot, int d)
    {
        private readonly float[] _bias = GC.AllocateArray<float>(hot, pinned: true);

        public AlignedRows Rows { get; } = new(hot, d);

        public AlignedRows Start { get; } = new(hot, d);

        public float[] Bias => _bias;

        public float[] StartBias { get; } = new float[hot];

        public float* BiasBase => (float*)Unsafe.AsPointer(ref _bias[0]);
    }
}
