using System.Numerics.Tensors;
using Encore.Core.Parallelism;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Y^T Y (d x d, row-major, symmetric) from row-major factors. Each entry is one dot product over a
/// factor-major copy, so the result does not depend on the thread count.
/// </summary>
internal static class Gram
{
    public static float[] Compute(float[] factors, int rows, int d, int threads, CancellationToken cancellationToken = default)
    {
        var t = new TransposedFactors(factors, rows, d);
        var gram = new float[d * d];
        ParallelLoop.For(d, threads, (start, end) =>
        {
            for (var a = start; a < end; a++)
            {
                var fa = t.Factor(a);
                for (var b = a; b < d; b++)
                {
                    var v = TensorPrimitives.Dot(fa, t.Factor(b));
                    gram[a * d + b] = v;
                    gram[b * d + a] = v;
                }
            }
        }, cancellationToken, chunkSize: 1);
        return gram;
    }

    /// <summary>The leading k x k block of a d x d matrix.</summary>
    public static float[] Leading(float[] gram, int d, int k)
    {
        var result = new float[k * k];
        for (var a = 0; a < k; a++) gram.AsSpan(a * d, k).CopyTo(result.AsSpan(a * k, k));
        return result;
    }

    /// <summary>A copy of <paramref name="gram"/> with <paramref name="lambda"/> added to the diagonal.</summary>
    public static float[] Regularized(float[] gram, int d, float lambda)
    {
        var result = (float[])gram.Clone();
        for (var a = 0; a < d; a++) result[a * d + a] += lambda;
        return result;
    }
}
