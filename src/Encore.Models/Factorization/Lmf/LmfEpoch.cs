using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Factorization.Lmf;

/// <summary>
/// One LMF epoch with Adagrad: for each user (split across workers, so user parameters have one writer)
/// every positive item gets a step on -w log sigmoid(s) and NegativeSamples verified uniform negatives a
/// step on -log(1 - sigmoid(s)). Item parameters are updated lock-free (Hogwild); each user draws from
/// Rng.Fork(seed, epoch, user), so Threads = 1 reproduces exactly. Layout: user [p, 1, b_u], item [q, b_i, 1],
/// so s = p.q + b_i + b_u is one dot product; the constant entries are never updated.
/// </summary>
internal sealed class LmfEpoch(CsrMatrix matrix, float[] users, float[] items, float[] userSquares, float[] itemSquares, int d, LmfOptions options)
{
    private const float Epsilon = 1e-6f;
    private const int MaxNegativeTries = 64;

    public double Run(int epoch, CancellationToken cancellationToken)
    {
        var perUser = new double[matrix.Rows];
        ParallelLoop.For(matrix.Rows, options.Threads, (start, end) =>
        {
            for (var user = start; user < end; user++) perUser[user] = User(user, epoch);
        }, cancellationToken);
        var pairs = (double)matrix.NonZeros * (1 + options.NegativeSamples);
        return pairs > 0 ? perUser.Sum() / pairs : double.NaN;
    }

    private double User(int user, int epoch)
    {
        var seen = matrix.RowIndices(user);
        if (seen.Length == 0 || seen.Length >= matrix.Columns) return 0;
        var values = matrix.RowValues(user);
        var rng = Rng.Fork(options.Seed, ((ulong)epoch << 32) + (ulong)user);
        double loss = 0;
        for (var k = 0; k < seen.Length; k++)
        {
            var weight = 1f + (float)options.Alpha * MathF.Abs(values[k]);
            loss += Step(user, seen[k], weight, positive: true);
            for (var n = 0; n < options.NegativeSamples; n++)
            {
                var negative = rng.NextInt(matrix.Columns);
                for (var tries = 0; tries < MaxNegativeTries && seen.BinarySearch(negative) >= 0; tries++) negative = rng.NextInt(matrix.Columns);
                loss += Step(user, negative, 1f, positive: false);
            }
        }
        return loss;
    }

    private double Step(int user, int item, float weight, bool positive)
    {
        var width = d + 2;
        var u = users.AsSpan(user * width, width);
        var y = items.AsSpan(item * width, width);
        var gu = userSquares.AsSpan(user * width, width);
        var gy = itemSquares.AsSpan(item * width, width);
        var s = 0f;
        for (var f = 0; f < width; f++) s += u[f] * y[f];
        var p = 1f / (1f + MathF.Exp(-s));
        // Gradient of the log-likelihood w.r.t. s: w (1 - p) for a positive, -p for a negative.
        var g = positive ? weight * (1f - p) : -p;
        var lr = (float)options.LearningRate;
        var reg = (float)options.Regularization;
        for (var f = 0; f < d; f++)
        {
            var uf = u[f];
            var du = g * y[f] - reg * uf;
            var dy = g * uf - reg * y[f];
            gu[f] += du * du;
            gy[f] += dy * dy;
            u[f] += lr * du / MathF.Sqrt(gu[f] + Epsilon);
            y[f] += lr * dy / MathF.Sqrt(gy[f] + Epsilon);
        }
        var dbi = g - reg * y[d];
        gy[d] += dbi * dbi;
        y[d] += lr * dbi / MathF.Sqrt(gy[d] + Epsilon);
        var dbu = g - reg * u[d + 1];
        gu[d + 1] += dbu * dbu;
        u[d + 1] += lr * dbu / MathF.Sqrt(gu[d + 1] + Epsilon);
        var likelihood = positive ? p : 1f - p;
        return -weight * Math.Log(Math.Max(likelihood, 1e-12f));
    }
}
