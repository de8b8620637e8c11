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
        var workers = new Worker?[ParallelLoop.Workers(options.Threads)];
        ParallelLoop.For(matrix.NonZeros, options.Threads,
            index => workers[index] = new Worker(Rng.Fork(options.Seed, ((ulong)epoch << 20) + (ulong)index)),
            (start, end, w) =>
            {
                for (var s = start; s < end; s++) Step(w);
            }, cancellationToken);
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

    private void Step(Worker w)
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
        var x = BprUpdate.Score(u, i, j);
        var z = 1f / (1f + MathF.Exp(x));
        BprUpdate.Apply(u, i, j, d, z, (float)options.LearningRate, (float)options.Regularization);

        // -log sigmoid(x) = softplus(-x), computed without overflow; counts stay in the worker (no shared cache lines).
        w.Loss += MathF.Max(-x, 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(x)));
        if (x > 0) w.Correct++;
        w.Steps++;
    }

    private int DrawNegative(ref Rng rng) => options.Negatives == NegativeSampling.Popularity
        ? matrix.ColumnIndices[rng.NextInt(matrix.NonZeros)]
        : rng.NextInt(matrix.Columns);

    private sealed class Worker(Rng rng)
    {
        private Rng _rng = rng;

        public ref Rng Rng => ref _rng;

        public double Loss { get; set; }

        public long Correct { get; set; }

        public long Steps { get; set; }
    }
}
