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
internal sealed class BprEpoch(CsrMatrix matrix, int[] rowOfEntry, float[] users, float[] items, int d, BprOptions options)
{
    /// <summary>Runs the epoch; returns (mean -log sigmoid(x_uij), fraction of triples ranked correctly before the step).</summary>
    public (double Loss, double Auc) Run(int epoch, CancellationToken cancellationToken)
    {
        var workers = ParallelLoop.Workers(options.Threads);
        var loss = new double[workers];
        var correct = new long[workers];
        var steps = new long[workers];
        var nnz = matrix.NonZeros;
        ParallelLoop.For(nnz, options.Threads, worker => new Worker(worker, Rng.Fork(options.Seed, ((ulong)epoch << 20) + (ulong)worker)),
            (start, end, w) =>
            {
                for (var s = start; s < end; s++) Step(w, loss, correct, steps);
            }, cancellationToken);
        var total = steps.Sum();
        return total == 0 ? (double.NaN, double.NaN) : (loss.Sum() / total, (double)correct.Sum() / total);
    }

    private void Step(Worker w, double[] loss, long[] correct, long[] steps)
    {
        var entry = w.Rng.NextInt(matrix.NonZeros);
        var user = rowOfEntry[entry];
        var positive = matrix.ColumnIndices[entry];
        var seen = matrix.RowIndices(user);
        if (seen.Length >= matrix.Columns) return;
        var negative = DrawNegative(ref w.Rng);
        if (options.VerifyNegatives && seen.BinarySearch(negative) >= 0) return;
        if (negative == positive) return;

        var width = d + 1;
        var u = users.AsSpan(user * width, width);
        var i = items.AsSpan(positive * width, width);
        var j = items.AsSpan(negative * width, width);
        var x = 0f;
        for (var f = 0; f <= d; f++) x += u[f] * (i[f] - j[f]);
        var z = 1f / (1f + MathF.Exp(x));
        var lr = (float)options.LearningRate;
        var reg = (float)options.Regularization;
        for (var f = 0; f < d; f++)
        {
            var uf = u[f];
            var diff = i[f] - j[f];
            u[f] += lr * (z * diff - reg * uf);
            i[f] += lr * (z * uf - reg * i[f]);
            j[f] += lr * (-z * uf - reg * j[f]);
        }
        i[d] += lr * (z - reg * i[d]);
        j[d] += lr * (-z - reg * j[d]);

        loss[w.Index] += x > 0 ? Math.Log(1 + Math.Exp(-x)) : -x + Math.Log(1 + Math.Exp(x));
        if (x > 0) correct[w.Index]++;
        steps[w.Index]++;
    }

    private int DrawNegative(ref Rng rng) => options.Negatives == NegativeSampling.Popularity
        ? matrix.ColumnIndices[rng.NextInt(matrix.NonZeros)]
        : rng.NextInt(matrix.Columns);

    private sealed class Worker(int index, Rng rng)
    {
        private Rng _rng = rng;

        public int Index { get; } = index;

        public ref Rng Rng => ref _rng;
    }
}
