using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// One BPR epoch: nnz draws of (user, positive, sampled negative) triples and an SGD step on each valid one
/// (a negative the user has is redrawn up to NegativeRetries times, then skipped when VerifyNegatives is set), Hogwild style
/// (workers update shared factors without locks). Each worker draws from its own Rng.Fork stream; results
/// are reproducible for a seed with Threads = 1 only, because lock-free updates interleave differently.
/// Factors are in the training layout: latent rows of d floats on 64-byte lines (<see cref="AlignedRows"/>),
/// the item biases in their own array (the user's bias entry of the model layout is the constant 1).
/// </summary>
/// <remarks>
/// A step is bound by memory, not arithmetic: three factor rows and a few index entries at random places,
/// none of them in cache on a large matrix. Each worker therefore runs a software pipeline over the triples
/// it will draw: triple t + <see cref="DrawAhead"/> is drawn and its entry (and, for popularity sampling,
/// the entry its negative comes from) prefetched; triple t + <see cref="ResolveAhead"/> has its user, positive
/// and negative read and their factor rows and the user's row offset prefetched; triple t + 1 has the user's
/// row of the matrix prefetched (for the negative check); triple t is updated. The draws (entry, then
/// negative) come from the worker's stream in the same order as without the pipeline, and the steps are
/// applied in draw order, so with one thread the result equals the unpipelined loop's bit for bit.
/// </remarks>
internal sealed class BprEpoch(CsrMatrix matrix, int[] rowOfEntry, AlignedRows users, AlignedRows items, float[] itemBias, BprOptions options)
{
    /// <summary>How many triples ahead of the update a triple is drawn (its index entries prefetched).</summary>
    internal const int DrawAhead = 4;

    /// <summary>How many triples ahead of the update a triple's factor rows are prefetched.</summary>
    internal const int ResolveAhead = 2;

    private const int Ring = 8;

    /// <summary>
    /// Runs epochs 1 .. <paramref name="epochs"/> on one long-lived team of workers (<see cref="ParallelPhases"/>):
    /// no thread-pool loop, closure or worker object per epoch. After each epoch, while every worker waits,
    /// <paramref name="afterEpoch"/>(epoch, mean -log sigmoid(x_uij), fraction of triples ranked correctly before
    /// their step) runs on one of the workers; both figures are NaN for an epoch without a step. Worker w draws
    /// epoch e from <c>Rng.Fork(Seed, (e &lt;&lt; 20) + w)</c>.
    /// </summary>
    public void Run(int epochs, Action<int, double, double> afterEpoch, CancellationToken cancellationToken)
    {
        var workers = new Worker?[ParallelLoop.Workers(options.Threads)];
        ParallelPhases.For(epochs, matrix.NonZeros, options.Threads,
            index => workers[index] = new Worker(index),
            (phase, start, end, w) =>
            {
                var epoch = phase + 1;
                if (w.Epoch != epoch)
                {
                    w.Epoch = epoch;
                    w.Rng = Rng.Fork(options.Seed, ((ulong)epoch << 20) + (ulong)w.Index);
                }
                RunChunk(end - start, w);
            },
            phase => BprEpochTally.Report(workers, phase + 1, afterEpoch), cancellationToken);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private unsafe void RunChunk(int count, Worker w)
    {
        var d = users.Dimensions;
        var userStride = users.Stride;
        var itemStride = items.Stride;
        var lr = (float)options.LearningRate;
        var decay = BprUpdate.Decay(lr, (float)options.Regularization);
        var verify = options.VerifyNegatives;
        var popularity = options.Negatives == NegativeSampling.Popularity;
        var full = matrix.Columns;
        var retries = options.NegativeRetries;
        var nonZeros = matrix.NonZeros;
        // The stream lives in a local for the chunk: the workers' Worker objects sit next to each other on the
        // heap, and advancing the state in place made the two cores write the same cache line on every draw.
        var rng = w.Rng;
        var loss = new BprLossSum();
        // Ring slots of the triples in flight: entry, negative draw (an entry for popularity sampling, else the
        // item), then user, positive, negative once resolved.
        var entryOf = stackalloc int[Ring];
        var negativeDrawOf = stackalloc int[Ring];
        var userOf = stackalloc int[Ring];
        var positiveOf = stackalloc int[Ring];
        var negativeOf = stackalloc int[Ring];
        var up = users.Base;
        var ip = items.Base;
        fixed (float* bias = itemBias)
        fixed (int* rowsOf = rowOfEntry, cols = matrix.ColumnIndices, offs = matrix.Offsets)
        {
            for (var t = -DrawAhead; t < count; t++)
            {
                var ahead = t + DrawAhead;
                if (ahead < count)
                {
                    var slot = ahead & (Ring - 1);
                    var entry = rng.NextInt(nonZeros);
                    var negativeDraw = rng.NextInt(popularity ? nonZeros : full);
                    entryOf[slot] = entry;
                    negativeDrawOf[slot] = negativeDraw;
                    Prefetch(rowsOf + entry);
                    Prefetch(cols + entry);
                    if (popularity) Prefetch(cols + negativeDraw);
                }
                var resolve = t + ResolveAhead;
                if (resolve >= 0 && resolve < count)
                {
                    var slot = resolve & (Ring - 1);
                    var entry = entryOf[slot];
                    var user = rowsOf[entry];
                    var positive = cols[entry];
                    var negative = popularity ? cols[negativeDrawOf[slot]] : negativeDrawOf[slot];
                    if (retries > 0)
                    {
                        // Rejection sampling (NegativeRetries): redraw a negative the user has, a bounded number of times.
                        var row = cols + offs[user];
                        var rowLength = offs[user + 1] - offs[user];
                        for (var r = 0; r < retries && SortedContains(row, rowLength, negative); r++)
                            negative = popularity ? cols[rng.NextInt(nonZeros)] : rng.NextInt(full);
                    }
                    userOf[slot] = user;
                    positiveOf[slot] = positive;
                    negativeOf[slot] = negative;
                    PrefetchRow(up + (long)user * userStride, d);
                    PrefetchRow(ip + (long)positive * itemStride, d);
                    PrefetchRow(ip + (long)negative * itemStride, d);
                    Prefetch(offs + user);
                    // The item biases are read on demand otherwise (perf: 7% of the HetRec fit's samples waited on them).
                    Prefetch(bias + positive);
                    Prefetch(bias + negative);
                }
                if (verify && t + 1 >= 0 && t + 1 < count)
                {
                    var user = userOf[(t + 1) & (Ring - 1)];
                    PrefetchSpan(cols + offs[user], offs[user + 1] - offs[user]);
                }
                if (t < 0) continue;

                var current = t & (Ring - 1);
                int u0 = userOf[current], i0 = positiveOf[current], j0 = negativeOf[current];
                var seenStart = offs[u0];
                var seenLength = offs[u0 + 1] - seenStart;
                if (seenLength >= full || j0 == i0) continue;
                if (verify && SortedContains(cols + seenStart, seenLength, j0)) continue;

                var x = BprUpdate.Step(up + (long)u0 * userStride, ip + (long)i0 * itemStride, ip + (long)j0 * itemStride, bias, i0, j0, d, lr, decay, out var e);
                loss.Add(x, e);
            }
        }
        w.Rng = rng;
        w.Add(loss);
    }

    /// <summary>
    /// Whether the strictly increasing <paramref name="length"/> ints at <paramref name="row"/> hold
    /// <paramref name="key"/>. A branch-free binary search: the range is halved by a mask computed from the comparison, not a jump,
    /// so the random keys of the negative check cost no mispredicted branches (the library's search took a fifth of
    /// the epoch on the synthetic split). Requires key - row[k] not to overflow (true for item indices, which are
    /// &gt;= 0, and any key &gt;= -1). Same answer as <see cref="MemoryExtensions.BinarySearch{T}(ReadOnlySpan{T}, IComparable{T})"/> &gt;= 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe bool SortedContains(int* row, int length, int key)
    {
        if (length <= 0) return false;
        // Invariant: the last entry <= key, if there is one, is in [row, row + length); otherwise row[0] > key.
        while (length > 1)
        {
            var half = length >> 1;
            // key - row[half] >= 0 exactly when row[half] <= key (no overflow: item indices are >= 0), so its sign bit,
            // spread over the word, is a mask that clears the move. Arithmetic, not a conditional: the JIT compiled the
            // `row[half] <= key ? half : 0` of session 8 to a jump, which mispredicted about half the time.
            row += half & ~((key - row[half]) >> 31);
            length -= half;
        }
        return *row == key;
    }

    // Prefetches the lines of a row of ints, at most MaxRowLines of them (enough for a binary search over a typical row).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void PrefetchSpan(int* row, int length)
    {
        var end = (byte*)row + (long)Math.Min(length, MaxRowLines * 16) * sizeof(int);
        // From the start of the row's first line, so a row that begins mid-line gets its last line too.
        for (var line = (byte*)((nint)row & ~(nint)(AlignedRows.LineBytes - 1)); line < end; line += AlignedRows.LineBytes) Prefetch(line);
    }

    /// <summary>Lines of the user's matrix row prefetched for the negative check.</summary>
    private const int MaxRowLines = 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void PrefetchRow(float* row, int d)
    {
        var bytes = (byte*)row;
        var length = d * sizeof(float);
        for (var b = 0; b < length; b += AlignedRows.LineBytes) Prefetch(bytes + b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void Prefetch(void* address)
    {
        if (Sse.IsSupported) Sse.Prefetch0(address);
    }

    private sealed class Worker(int index) : BprEpochTally
    {
        public int Index { get; } = index;

        public int Epoch { get; set; }

        public Rng Rng { get; set; }
    }
}
