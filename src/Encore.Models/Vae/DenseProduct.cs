using System.Numerics.Tensors;
using Encore.Core.Parallelism;

namespace Encore.Models.Vae;

/// <summary>
/// C = op(A) op(B) for the autoencoder's dense layers, row-major float32 (op(A) m x k, op(B) k x n, C m x n; A stored
/// k x m when transposed, B stored n x k when transposed; not both). Runs on OpenBLAS's cblas_sgemm when
/// libopenblas.so.0 is installed (as EASE's inverse does), else on a managed kernel that splits the rows of C between
/// workers (each row is computed by one worker in a fixed order, so the managed result is the same for every thread
/// count). C must not overlap A or B.
/// </summary>
internal static class DenseProduct
{
    /// <summary>True when the products run on OpenBLAS (ENCORE_OPENBLAS=off forces the managed kernel).</summary>
    public static bool UsesOpenBlas => Ease.Lapack.OpenBlas.HasGemm;

    /// <summary>C (m x n, overwritten) = op(A) op(B).</summary>
    /// <exception cref="ArgumentException">Both operands transposed, or an array shorter than its shape.</exception>
    public static void Multiply(bool transA, bool transB, float[] a, float[] b, float[] c, int m, int n, int k, int threads)
    {
        if (UsesOpenBlas) Ease.Lapack.OpenBlas.Sgemm(transA, transB, a, b, c, m, n, k, threads);
        else Managed(transA, transB, a, b, c, m, n, k, threads);
    }

    /// <summary>The managed kernel (also what tests compare OpenBLAS with).</summary>
    /// <exception cref="ArgumentException">Both operands transposed, or an array shorter than its shape.</exception>
    internal static void Managed(bool transA, bool transB, float[] a, float[] b, float[] c, int m, int n, int k, int threads)
    {
        if (transA && transB) throw new ArgumentException("op(A) op(B) with both operands transposed is not supported.");
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ArgumentException($"Arrays shorter than op(A) {m} x {k}, op(B) {k} x {n}, C {m} x {n}.");
        ParallelLoop.For(m, threads, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                var row = c.AsSpan(i * n, n);
                if (transB)
                {
                    var left = a.AsSpan(i * k, k);
                    for (var j = 0; j < n; j++) row[j] = TensorPrimitives.Dot(left, b.AsSpan(j * k, k));
                    continue;
                }
                row.Clear();
                for (var p = 0; p < k; p++)
                {
                    var x = transA ? a[(p * m) + i] : a[(i * k) + p];
                    if (x != 0f) TensorPrimitives.MultiplyAdd(b.AsSpan(p * n, n), x, row, row);
                }
            }
        });
    }
}
