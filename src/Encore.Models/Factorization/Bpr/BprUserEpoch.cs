using System.Runtime.CompilerServices;
using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// BPR epochs in the <see cref="SampleOrder.ByUser"/> order: each epoch visits the users that have at least one positive and
/// at least one negative in a seeded shuffled order (<see cref="Rng.Shuffle{T}"/> of the previous epoch's order, stream
/// <see cref="OrderStream"/>), and for each user draws its positives once each in a shuffled order (a lazy Fisher-Yates
/// shuffle), each with a sampled negative; a negative the user has is redrawn up to NegativeRetries times and then skipped
/// when VerifyNegatives is set, as in the
/// <see cref="SampleOrder.Pairs"/> order. Popularity negatives come from a <see cref="PopularityAliasTable"/> (the same
/// distribution as the Pairs order's <c>columns[uniform entry]</c>, from a different stream of draws: an entry, then a unit). The SGD step is the same (<c>BprUpdate.Step</c>). Factors are in the training
/// layout (<see cref="AlignedRows"/>, item biases apart), as for <see cref="BprEpoch"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why: in the Pairs order every step reads a user's factor row (4 cache lines for d = 64) and the user's matrix row (for
/// the negative check) at random places, besides the two item rows. Here a user's steps run back to back, so those stay
/// in L1 and only the positive's and the negative's rows are random reads: about half the lines per step. The alias table
/// (8 bytes per item) replaces the one other random read, <c>columns[uniform entry]</c> in the nnz column indices, by a read
/// in a table that stays in L2.
/// </para>
/// <para>
/// Pipeline: a producer walks the chunk's users and draws triple t + <see cref="DrawAhead"/> (the positive from the user's
/// shuffled row, the negative draw), prefetching the positive's factor row and bias and, for popularity sampling, the
/// alias-table entry the negative comes from; triple t + <see cref="ResolveAhead"/> has its negative resolved and its row and
/// bias prefetched; triple t is stepped. Entering a user, the producer prefetches the next user's factor row and matrix row and
/// the user after that's row offset. The draws come from the chunk's stream in a fixed order and the steps are applied in
/// draw order.
/// </para>
/// <para>
/// Streams and threads: the users of an epoch are cut into chunks of <see cref="ChunkSize"/> consecutive positions of the
/// order whatever the thread count, and chunk c of epoch e draws from <c>Rng.Fork(Seed, <see cref="ChunkStreams"/> | e &lt;&lt; 32 | start)</c>,
/// so the triples drawn do not depend on the thread count. A chunk runs on one worker, so a user's row has one writer per
/// epoch. With two or more workers and <see cref="BprOptions.PrivateItems"/> &gt; 0 the items are relabelled by descending
/// popularity for the fit (<see cref="BprItemOrder"/>; the draws then follow the relabelled rows) and each worker updates the
/// hot ones in its own copy, synced every few thousand steps and at the end of every epoch (<see cref="BprItemCopies"/>); the other item rows and biases are
/// shared and updated without locks (Hogwild: two workers may update the same row at once and one update can be lost), and
/// which worker runs which chunk varies, so runs of one seed differ. With one thread nothing is copied or relabelled and a
/// seed reproduces the model bit for bit.
/// </para>
/// </remarks>
internal sealed class BprUserEpoch(CsrMatrix matrix, AlignedRows users, AlignedRows items, float[] itemBias, BprOptions options)
{
    // Set by Run: the item layout the epochs step on (the caller's, or relabelled by popularity for private hot items).
    private int[]? _relabelled;
    private AlignedRows? _items;
    private float[]? _itemBias;
    private int[]? _originalOf;
    private PopularityAliasTable? _alias;
    private BprItemCopies? _copies;

    /// <summary>How many triples ahead of the step a triple is drawn (its positive's row prefetched).</summary>
    internal const int DrawAhead = 8;

    /// <summary>How many triples ahead of the step a triple's negative is read and its row prefetched.</summary>
    internal const int ResolveAhead = 4;

    private const int Ring = 16;

    /// <summary>Chunks an epoch's users are cut into (at most; fewer when there are fewer users).</summary>
    internal const int ChunksPerEpoch = 64;

    /// <summary>Stream of the user order's shuffles: <c>Rng.Fork(Seed, OrderStream)</c>.</summary>
    internal const ulong OrderStream = 1UL << 62;

    /// <summary>Tag of the chunks' streams (kept apart from the factor initialisation's streams, which are below 2^41).</summary>
    internal const ulong ChunkStreams = 1UL << 63;

    /// <summary>Positions of the user order per chunk for <paramref name="activeUsers"/> users in the order: ceil(n / 64), at least 1.</summary>
    internal static int ChunkSize(int activeUsers) => Math.Max(1, (activeUsers + ChunksPerEpoch - 1) / ChunksPerEpoch);

    /// <summary>
    /// The users that take steps, in index order: those with at least one positive and fewer positives than there are items
    /// (a user with every item has no negative). The order of epoch 1 is this list shuffled once.
    /// </summary>
    internal static int[] ActiveUsers(CsrMatrix matrix)
    {
        var active = new List<int>(matrix.Rows);
        for (var u = 0; u < matrix.Rows; u++)
        {
            var n = matrix.RowLength(u);
            if (n > 0 && n < matrix.Columns) active.Add(u);
        }
        return [.. active];
    }

    /// <summary>
    /// Runs epochs 1 .. <paramref name="epochs"/> on one team of workers (<see cref="ParallelPhases"/>). After each epoch, while
    /// every worker waits, <paramref name="afterEpoch"/>(epoch, mean -log sigmoid(x_uij), fraction of triples ranked correctly
    /// before their step) runs on one worker (both NaN for an epoch without a step), then the order is reshuffled.
    /// </summary>
    public void Run(int epochs, Action<int, double, double> afterEpoch, CancellationToken cancellationToken)
    {
        var active = ActiveUsers(matrix);
        var order = GC.AllocateUninitializedArray<int>(active.Length, pinned: true);
        active.CopyTo(order, 0);
        var orderRng = Rng.Fork(options.Seed, OrderStream);
        orderRng.Shuffle(order.AsSpan());
        var longestRow = 0;
        foreach (var u in active) longestRow = Math.Max(longestRow, matrix.RowLength(u));
        var workers = new Worker?[ParallelLoop.Workers(options.Threads)];
        // The team has min(threads, users) workers (ParallelPhases); with one there is nothing to copy.
        _items = items;
        _itemBias = itemBias;
        var counts = matrix.ColumnCounts();
        var hot = BprItemCopies.HotCount(options.PrivateItems, counts);
        var copies = _copies = Math.Min(workers.Length, order.Length) > 1 && hot > 0 ? Relabel(hot, workers.Length, counts) : null;
        if (options.Negatives == NegativeSampling.Popularity && matrix.NonZeros > 0)
            _alias = PopularityAliasTable.Build(_relabelled ?? matrix.ColumnIndices, matrix.Columns);
        ParallelPhases.For(epochs, order.Length, options.Threads,
            index => workers[index] = new Worker(longestRow, copies?.For(index)),
            (phase, start, end, w) => RunChunk(phase + 1, order, start, end, w),
            phase =>
            {
                if (copies is not null)
                {
                    copies.Merge();
                    foreach (var w in workers)
                        if (w is not null) w.Unsynced = 0;
                }
                BprEpochTally.Report(workers, phase + 1, (epoch, loss, auc) =>
                {
                    // The caller's rows get the relabelled ones where the trainer reads them: after the last epoch, and after
                    // an epoch whose loss is not finite (its checks then read every row).
                    if (copies is not null && (epoch == epochs || !double.IsFinite(loss))) CopyBack();
                    afterEpoch(epoch, loss, auc);
                });
                if (phase + 1 < epochs) orderRng.Shuffle(order.AsSpan());
            }, cancellationToken, ChunkSize(order.Length));
    }

    // Steps on the items relabelled by descending popularity (BprItemOrder), so the hot ones are rows 0 .. hot - 1.
    private BprItemCopies Relabel(int hot, int workers, int[] counts)
    {
        var originalOf = BprItemOrder.ByPopularity(counts);
        _relabelled = BprItemOrder.Relabel(matrix, originalOf);
        _items = new AlignedRows(items.Rows, items.Dimensions);
        _itemBias = new float[itemBias.Length];
        for (var r = 0; r < originalOf.Length; r++) CopyItem(items, itemBias, originalOf[r], _items, _itemBias, r);
        _originalOf = originalOf;
        return new BprItemCopies(_items, _itemBias, hot, workers);
    }

    private void CopyBack()
    {
        var originalOf = _originalOf!;
        for (var r = 0; r < originalOf.Length; r++) CopyItem(_items!, _itemBias!, r, items, itemBias, originalOf[r]);
    }

    // Row and bias of item `from` of one layout into item `to` of another (equal strides).
    private static unsafe void CopyItem(AlignedRows source, float[] sourceBias, int from, AlignedRows target, float[] targetBias, int to)
    {
        var stride = source.Stride;
        new ReadOnlySpan<float>(source.Base + (long)from * stride, stride).CopyTo(new Span<float>(target.Base + (long)to * stride, stride));
        targetBias[to] = sourceBias[from];
    }

    private unsafe void RunChunk(int epoch, int[] order, int start, int end, Worker w)
    {
        var rows = _items!;
        fixed (float* bias = _itemBias)
        {
            if (w.Copy is null)
                RunChunk(epoch, order, start, end, w, new SharedItemRows(rows.Base, rows.Stride, bias));
            else
                RunChunk(epoch, order, start, end, w, new PrivateHotItemRows(rows.Base, rows.Stride, bias, w.Copy.Rows.Rows, w.Copy.Rows.Base, w.Copy.BiasBase));
        }
        if (w.Copy is not null && w.Unsynced >= BprItemCopies.SyncSteps)
        {
            _copies!.Sync(w.Copy);
            w.Unsynced = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private unsafe void RunChunk<TItems>(int epoch, int[] order, int start, int end, Worker w, TItems rows)
        where TItems : struct, IBprItemRows
    {
        var d = users.Dimensions;
        var userStride = users.Stride;
        var lr = (float)options.LearningRate;
        var decay = BprUpdate.Decay(lr, (float)options.Regularization);
        var verify = options.VerifyNegatives;
        var popularity = options.Negatives == NegativeSampling.Popularity;
        var columns = matrix.Columns;
        var retries = options.NegativeRetries;
        var nonZeros = matrix.NonZeros;
        var rng = Rng.Fork(options.Seed, ChunkStreams | ((ulong)epoch << 32) | (uint)start);
        var loss = new BprLossSum();
        var userOf = stackalloc int[Ring];
        var positiveOf = stackalloc int[Ring];
        var negativeDrawOf = stackalloc int[Ring];
        var negativeOf = stackalloc int[Ring];
        var unitOf = stackalloc int[Ring];
        // The rows and biases of the positive and the negative, where the worker updates them (IBprItemRows).
        var positiveRowOf = stackalloc nint[Ring];
        var positiveBiasOf = stackalloc nint[Ring];
        var negativeRowOf = stackalloc nint[Ring];
        var negativeBiasOf = stackalloc nint[Ring];
        var up = users.Base;
        fixed (int* cols = _relabelled ?? matrix.ColumnIndices, offs = matrix.Offsets, orderOf = order, shuffled = w.Row, alias = _alias?.Entries)
        {
            // The producer: position p of the order, its user, the user's row length and how many of its positives are drawn.
            var p = start - 1;
            int user = 0, length = 0, drawn = 0;
            PrefetchUser(up, userStride, cols, offs, orderOf[start], d);
            if (start + 1 < end) BprEpoch.Prefetch(offs + orderOf[start + 1]);
            var total = long.MaxValue;
            for (long t = -DrawAhead; t < total; t++)
            {
                var ahead = t + DrawAhead;
                if (ahead < total)
                {
                    if (drawn == length)
                    {
                        if (++p == end)
                        {
                            total = ahead;
                        }
                        else
                        {
                            user = orderOf[p];
                            var rowStart = offs[user];
                            length = offs[user + 1] - rowStart;
                            drawn = 0;
                            new ReadOnlySpan<int>(cols + rowStart, length).CopyTo(new Span<int>(shuffled, length));
                            if (p + 1 < end) PrefetchUser(up, userStride, cols, offs, orderOf[p + 1], d);
                            if (p + 2 < end) BprEpoch.Prefetch(offs + orderOf[p + 2]);
                        }
                    }
                    if (ahead < total)
                    {
                        // The next of the user's positives without replacement: swap a random one of the undrawn into place.
                        var pick = drawn + rng.NextInt(length - drawn);
                        var positive = shuffled[pick];
                        shuffled[pick] = shuffled[drawn];
                        shuffled[drawn] = positive;
                        drawn++;
                        var slot = (int)(ahead & (Ring - 1));
                        // A popularity negative is an alias-table entry and a unit (resolved at ResolveAhead), else the item.
                        var negativeDraw = rng.NextInt(columns);
                        if (popularity)
                        {
                            unitOf[slot] = rng.NextInt(nonZeros);
                            BprEpoch.Prefetch(alias + 2 * negativeDraw);
                        }
                        userOf[slot] = user;
                        positiveOf[slot] = positive;
                        negativeDrawOf[slot] = negativeDraw;
                        Locate(rows, positive, positiveRowOf + slot, positiveBiasOf + slot, d);
                    }
                }
                var resolve = t + ResolveAhead;
                if (resolve >= 0 && resolve < total)
                {
                    var slot = (int)(resolve & (Ring - 1));
                    var negative = popularity ? PopularityAliasTable.Resolve(alias, negativeDrawOf[slot], unitOf[slot]) : negativeDrawOf[slot];
                    if (retries > 0)
                    {
                        // Rejection sampling (NegativeRetries): redraw a negative the user has, a bounded number of times.
                        var seen = cols + offs[userOf[slot]];
                        var seenLength = offs[userOf[slot] + 1] - offs[userOf[slot]];
                        for (var r = 0; r < retries && BprEpoch.SortedContains(seen, seenLength, negative); r++)
                            negative = popularity ? PopularityAliasTable.Resolve(alias, rng.NextInt(columns), rng.NextInt(nonZeros)) : rng.NextInt(columns);
                    }
                    negativeOf[slot] = negative;
                    Locate(rows, negative, negativeRowOf + slot, negativeBiasOf + slot, d);
                }
                if (t < 0) continue;

                var current = (int)(t & (Ring - 1));
                int u0 = userOf[current], i0 = positiveOf[current], j0 = negativeOf[current];
                if (j0 == i0) continue;
                if (verify)
                {
                    var seenStart = offs[u0];
                    if (BprEpoch.SortedContains(cols + seenStart, offs[u0 + 1] - seenStart, j0)) continue;
                }
                var x = BprUpdate.Step(up + (long)u0 * userStride, (float*)positiveRowOf[current], (float*)negativeRowOf[current],
                    (float*)positiveBiasOf[current], (float*)negativeBiasOf[current], d, lr, decay, out var e);
                loss.Add(x, e);
            }
        }
        w.Add(loss);
        w.Unsynced += loss.Steps;
    }

    // Stores where the step finds the item's row and bias (the ring slots at rowAt and biasAt) and prefetches both.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Locate<TItems>(TItems rows, int item, nint* rowAt, nint* biasAt, int d)
        where TItems : struct, IBprItemRows
    {
        var row = rows.Row(item);
        var bias = rows.Bias(item);
        *rowAt = (nint)row;
        *biasAt = (nint)bias;
        BprEpoch.PrefetchRow(row, d);
        BprEpoch.Prefetch(bias);
    }

    // The user's factor row and the first lines of its matrix row (its offset was prefetched one user earlier).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchUser(float* up, int userStride, int* cols, int* offs, int user, int d)
    {
        BprEpoch.PrefetchRow(up + (long)user * userStride, d);
        BprEpoch.PrefetchSpan(cols + offs[user], offs[user + 1] - offs[user]);
    }

    private sealed class Worker(int longestRow, BprItemCopies.Copy? copy) : BprEpochTally
    {
        /// <summary>The worker's copy of the hot items' rows and biases, or null when every item is updated in place.</summary>
        public BprItemCopies.Copy? Copy { get; } = copy;

        /// <summary>Steps since the worker's last sync of its copy (<see cref="BprItemCopies.SyncSteps"/>).</summary>
        public long Unsynced { get; set; }

        /// <summary>The current user's positives, shuffled in place as they are drawn.</summary>
        public int[] Row { get; } = GC.AllocateUninitializedArray<int>(Math.Max(1, longestRow));
    }
}
