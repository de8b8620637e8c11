using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        var s = Dot(u, y);
        var p = 1f / (1f + MathF.Exp(-s));
        // Gradient of the log-likelihood w.r.t. s: w (1 - p) for a positive, -p for a negative.
        var g = positive ? weight * (1f - p) : -p;
        var lr = (float)options.LearningRate;
        var reg = (float)options.Regularization;
        var f = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lane-wise the same operations in the same order as the scalar loop (no fused multiply-add), so
            // the updates do not depend on the vector width.
            ref var ur = ref MemoryMarshal.GetReference(u);
            ref var yr = ref MemoryMarshal.GetReference(y);
            ref var gur = ref MemoryMarshal.GetReference(gu);
            ref var gyr = ref MemoryMarshal.GetReference(gy);
            var gv = Vector256.Create(g);
            var regv = Vector256.Create(reg);
            var lrv = Vector256.Create(lr);
            var eps = Vector256.Create(Epsilon);
            for (; f + 8 <= d; f += 8)
            {
                var uf = Vector256.LoadUnsafe(ref ur, (nuint)f);
                var yf = Vector256.LoadUnsafe(ref yr, (nuint)f);
                var du = gv * yf - regv * uf;
                var dy = gv * uf - regv * yf;
                var gu2 = Vector256.LoadUnsafe(ref gur, (nuint)f) + du * du;
                var gy2 = Vector256.LoadUnsafe(ref gyr, (nuint)f) + dy * dy;
                gu2.StoreUnsafe(ref gur, (nuint)f);
                gy2.StoreUnsafe(ref gyr, (nuint)f);
                (uf + lrv * du / Vector256.Sqrt(gu2 + eps)).StoreUnsafe(ref ur, (nuint)f);
                (yf + lrv * dy / Vector256.Sqrt(gy2 + eps)).StoreUnsafe(ref yr, (nuint)f);
            }
        }
        for (; f < d; f++)
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

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var f = 0;
        var s = 0f;
        if (Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<float>.Zero;
            ref var ar = ref MemoryMarshal.GetReference(a);
            ref var br = ref MemoryMarshal.GetReference(b);
            for (; f + 8 <= a.Length; f += 8) acc += Vector256.LoadUnsafe(ref ar, (nuint)f) * Vector256.LoadUnsafe(ref br, (nuint)f);
            s = Vector256.Sum(acc);
        }
        for (; f < a.Length; f++) s += a[f] * b[f];
        return s;
    }
}
