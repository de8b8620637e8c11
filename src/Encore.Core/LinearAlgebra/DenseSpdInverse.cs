using System.Numerics;
using System.Numerics.Tensors;
using Encore.Core.Errors;
using Encore.Core.Parallelism;

namespace Encore.Core.LinearAlgebra;

/// <summary>
/// In-place inverse (public so that Encore.Models can use it) of a dense symmetric positive definite n x n matrix (row-major, float or double):
/// blocked right-looking Cholesky A = L L^T, then W = L^-1 stored transposed in the upper triangle, then
/// A^-1 = W^T W. Every step works on contiguous row segments (dot products through TensorPrimitives) and
/// is parallel over rows or row blocks; the only extra memory is O(n).
/// </summary>
public static class DenseSpdInverse
{
    private const int Block = 128;
    private const int ColumnTile = 512;

    public static void InvertInPlace<T>(T[] a, int n, int threads = 0, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((long)n * n != a.Length) throw new ArgumentException($"Matrix array holds {a.Length} values, not {n} x {n}.", nameof(a));
        if (n == 0) return;
        Cholesky(a, n, threads, cancellationToken);
        var diagonal = new T[n];
        for (var i = 0; i < n; i++) diagonal[i] = a[(long)i * n + i];
        InvertFactor(a, n, diagonal, threads, cancellationToken);
        MultiplyTransposed(a, n, threads, cancellationToken);
    }

    // Lower triangle (with diagonal) becomes L; the strict upper triangle is left untouched.
    private static void Cholesky<T>(T[] a, int n, int threads, CancellationToken ct) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var b = 0; b < n; b += Block)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(n, b + Block);
            // Diagonal block: the columns before b were already subtracted by earlier trailing updates.
            for (var j = b; j < end; j++)
            {
                var rowJ = a.AsSpan(j * n, n);
                var d = rowJ[j] - TensorPrimitives.Dot<T>(rowJ[b..j], rowJ[b..j]);
                if (!(d > T.Zero))
                    throw new ModelFitException($"Matrix is not positive definite (pivot {j} is {d}); increase the regularisation (lambda).");
                rowJ[j] = T.Sqrt(d);
                for (var i = j + 1; i < end; i++)
                {
                    var rowI = a.AsSpan(i * n, n);
                    rowI[j] = (rowI[j] - TensorPrimitives.Dot<T>(rowI[b..j], rowJ[b..j])) / rowJ[j];
                }
            }
            if (end == n) break;
            // Panel below the block, then trailing update A22 -= L21 L21^T (lower part only), parallel over rows.
            ParallelLoop.For(n - end, threads, (s, e) =>
            {
                for (var i = end + s; i < end + e; i++)
                {
                    var rowI = a.AsSpan(i * n, n);
                    for (var j = b; j < end; j++)
                    {
                        var rowJ = a.AsSpan(j * n, n);
                        rowI[j] = (rowI[j] - TensorPrimitives.Dot<T>(rowI[b..j], rowJ[b..j])) / rowJ[j];
                    }
                }
            }, ct);
            ParallelLoop.For(n - end, threads, (s, e) =>
            {
                for (var i = end + s; i < end + e; i++)
                {
                    var rowI = a.AsSpan(i * n, n);
                    var panelI = rowI[b..end];
                    for (var k = end; k <= i; k++)
                        rowI[k] -= TensorPrimitives.Dot<T>(panelI, a.AsSpan(k * n + b, end - b));
                }
            }, ct);
        }
    }

    // Row j of the upper triangle becomes column j of W = L^-1: W[i][j] = -sum_{m=j}^{i-1} L[i][m] W[m][j] / L[i][i].
    private static void InvertFactor<T>(T[] a, int n, T[] diagonal, int threads, CancellationToken ct) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var blocks = (n + Block - 1) / Block;
        ParallelLoop.For(blocks, threads, (s, e) =>
        {
            for (var block = s; block < e; block++)
            {
                var first = block * Block;
                var last = Math.Min(n, first + Block);
                for (var j = first; j < last; j++) a[(long)j * n + j] = T.One / diagonal[j];
                for (var i = first + 1; i < n; i++)
                {
                    var rowI = a.AsSpan(i * n, n);
                    for (var j = first; j < Math.Min(last, i); j++)
                    {
                        var w = a.AsSpan(j * n, n);
                        w[i] = -TensorPrimitives.Dot<T>(rowI[j..i], w[j..i]) / diagonal[i];
                    }
                }
            }
        }, ct, chunkSize: 1);
    }

    // A^-1[i][k] = sum_{m >= max(i,k)} W[m][i] W[m][k] = dot(Wt[i, i..], Wt[k, i..]) for k <= i; written to the
    // lower triangle, then mirrored. Tiled: a block of rows i and a tile of columns stay in cache while
    // rows k stream past, so the upper triangle is read once per row block rather than once per row.
    private static void MultiplyTransposed<T>(T[] a, int n, int threads, CancellationToken ct) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var diagonal = new T[n];
        var blocks = (n + Block - 1) / Block;
        ParallelLoop.For(blocks, threads, _ => new T[Block * n], (s, e, acc) =>
        {
            for (var block = s; block < e; block++)
            {
                var i0 = block * Block;
                var i1 = Math.Min(n, i0 + Block);
                acc.AsSpan(0, (i1 - i0) * n).Clear();
                for (var c0 = i0; c0 < n; c0 += ColumnTile)
                {
                    var c1 = Math.Min(n, c0 + ColumnTile);
                    for (var k = 0; k < i1; k++)
                    {
                        var rowK = a.AsSpan(k * n, n);
                        for (var i = Math.Max(i0, k); i < i1; i++)
                        {
                            var lo = Math.Max(c0, i);
                            if (lo >= c1) continue;
                            acc[(i - i0) * n + k] += TensorPrimitives.Dot<T>(a.AsSpan(i * n + lo, c1 - lo), rowK[lo..c1]);
                        }
                    }
                }
                for (var i = i0; i < i1; i++)
                {
                    diagonal[i] = acc[(i - i0) * n + i];
                    acc.AsSpan((i - i0) * n, i).CopyTo(a.AsSpan(i * n, i));
                }
            }
        }, ct, chunkSize: 1);
        ParallelLoop.For(n, threads, (s, e) =>
        {
            for (var i = s; i < e; i++)
            {
                a[(long)i * n + i] = diagonal[i];
                for (var k = i + 1; k < n; k++) a[(long)i * n + k] = a[(long)k * n + i];
            }
        }, ct);
    }
}
