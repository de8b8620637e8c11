using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// One BPR epoch: nnz draws of (user, positive, sampled negative) triples and an SGD step on each valid one
/// (a negative the user has is skipped when VerifyNegatives is set), Hogwild style
/// (workers update shared factors without locks). Each worker draws from its own Rng.Fork stream; results
/// are reproducible for a seed with Threads = 1 only, because lock-free updates interleave differently.
/// Vectors have d + 1 entries: the user's last entry is a constant 1, the item's is its bias.
/// </summary>
/// <remarks>
/// A step is bound by memory latency, not arithmetic: three factor rows at random places. Each worker
/// therefore runs a short software pipeline: the triple two steps ahead is drawn and its entry's user and
/// item are prefetched, the triple one step ahead has its factor rows and the user's row of the matrix
/// prefetched, and the current triple is updated. The draws of each triple (entry, then negative) come
/// from the worker's stream in the same order as without the pipeline.
/// </remarks>
internal sealed class BprEpoch(CsrMatrix matrix, int[] rowOfEntry, float[] users, float[] items, int d, BprOptions options)
{
    /// <summary>Runs the epoch; returns (mean -log sigmoid(x_uij), fraction of triples ranked correctly before the step).</summary>
    public (double Loss, double Auc) Run(int epoch, CancellationToken cancellationToken)
    {
        var workers = new Worker?[ParallelLoop.Workers(options.Threads)];
        ParallelLoop.For(matrix.NonZeros, options.Threads,
            index => workers[index] = new Worker(Rng.Fork(options.Seed, ((ulong)epoch << 20) + (ulong)index)),
            (start, end, w) => RunChunk(end - start, w), cancellationToken);
        double loss = 0;
        long correct = 0, steps = 0;
        foreach (var w in workers)
        {
            if (w is null) continue;
            loss += w.Loss;
            correct += w.Correct;
            steps += w.Steps;
        }
        return steps == 0 ? (double.NaN, double.NaN) : (loss / steps, (double)correct / steps);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void RunChunk(int count, Worker w)
    {
        var columns = matrix.ColumnIndices;
        var offsets = matrix.Offsets;
        var width = d + 1;
        var lr = (float)options.LearningRate;
        var reg = (float)options.Regularization;
        var verify = options.VerifyNegatives;
        var full = matrix.Columns;
        ref var rng = ref w.Rng;
        double loss = 0;
        long correct = 0, steps = 0;
        fixed (float* up = users, ip = items)
        fixed (int* rowsOf = rowOfEntry, cols = columns, offs = offsets)
        {
            // Slot 2: drawn, its entry prefetched. Slot 1: user / positive known, rows prefetched. Then updated.
            // Exactly count triples are drawn, in the order an unpipelined loop would draw them.
            var (pendingEntry, pendingNegative) = Draw(ref rng);
            var drawn = 1;
            int nextUser = 0, nextPositive = 0, nextNegative = 0;
            // s = -1 only fills slot 1.
            for (var s = -1; s < count; s++)
            {
                int user = nextUser, positive = nextPositive, negative = nextNegative;
                if (s + 1 < count)
                {
                    nextUser = rowsOf[pendingEntry];
                    nextPositive = cols[pendingEntry];
                    nextNegative = pendingNegative;
                    PrefetchTriple(up, ip, offs, cols, nextUser, nextPositive, nextNegative, width);
                    if (drawn < count)
                    {
                        (pendingEntry, pendingNegative) = Draw(ref rng);
                        drawn++;
                        Prefetch(rowsOf + pendingEntry);
                        Prefetch(cols + pendingEntry);
                    }
                }
                if (s < 0) continue;

                var seenStart = offs[user];
                var seenLength = offs[user + 1] - seenStart;
                if (seenLength >= full || negative == positive) continue;
                if (verify && new ReadOnlySpan<int>(cols + seenStart, seenLength).BinarySearch(negative) >= 0) continue;

                var u = new Span<float>(up + (long)user * width, width);
                var i = new Span<float>(ip + (long)positive * width, width);
                var j = new Span<float>(ip + (long)negative * width, width);
                var x = BprUpdate.Score(u, i, j);
                // One exp for both the step size and the loss: e = exp(-|x|), sigmoid(-x) = 1 / (1 + exp(x)).
                var e = MathF.Exp(-MathF.Abs(x));
                var z = x >= 0 ? e / (1f + e) : 1f / (1f + e);
                BprUpdate.Apply(u, i, j, d, z, lr, reg);
                // -log sigmoid(x) = softplus(-x) = max(-x, 0) + log(1 + exp(-|x|)); counts stay in locals.
                loss += MathF.Max(-x, 0f) + MathF.Log(1f + e);
                if (x > 0) correct++;
                steps++;
            }
        }
        w.Loss += loss;
        w.Correct += correct;
        w.Steps += steps;
    }

    private (int Entry, int Negative) Draw(ref Rng rng)
    {
        var entry = rng.NextInt(matrix.NonZeros);
        var negative = options.Negatives == NegativeSampling.Popularity
            ? matrix.ColumnIndices[rng.NextInt(matrix.NonZeros)]
            : rng.NextInt(matrix.Columns);
        return (entry, negative);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchTriple(float* users, float* items, int* offsets, int* columns, int user, int positive, int negative, int width)
    {
        PrefetchRow(users + (long)user * width, width);
        PrefetchRow(items + (long)positive * width, width);
        PrefetchRow(items + (long)negative * width, width);
        Prefetch(offsets + user);
        Prefetch(columns + offsets[user]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchRow(float* row, int width)
    {
        var bytes = (byte*)row;
        var length = width * sizeof(float);
        for (var b = 0; b < length; b += 64) Prefetch(bytes + b);
        Prefetch(bytes + length - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(void* address)
    {
        if (Sse.IsSupported) Sse.Prefetch0(address);
    }

    private sealed class Worker(Rng rng)
    {
        private Rng _rng = rng;

        public ref Rng Rng => ref _rng;

        public double Loss { get; set; }

        public long Correct { get; set; }

        public long Steps { get; set; }
    }
}
