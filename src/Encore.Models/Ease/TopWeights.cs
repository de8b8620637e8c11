using Encore.Core.Parallelism;
using Encore.Core.Ranking;
using Encore.Core.Sparse;

namespace Encore.Models.Ease;

/// <summary>Sparse EASE: the N largest weights of each row of a dense n x n matrix, as a CSR matrix (columns sorted).</summary>
internal static class TopWeights
{
    public static CsrMatrix Keep(float[] dense, int n, int neighbours, int threads, CancellationToken ct)
    {
        var k = Math.Min(neighbours, n);
        var items = new int[(long)n * k > Array.MaxLength ? throw new ArgumentException("too many weights; lower Neighbours.") : n * k];
        var values = new float[items.Length];
        var counts = new int[n];
        ParallelLoop.For(n, threads, _ => new TopKSelector(k), (start, end, heap) =>
        {
            for (var row = start; row < end; row++)
            {
                heap.Reset(k);
                heap.OfferAll(dense.AsSpan(row * n, n));
                var ids = items.AsSpan(row * k, k);
                var scores = values.AsSpan(row * k, k);
                var count = heap.Drain(ids, scores);
                var kept = 0;
                for (var i = 0; i < count; i++)
                    if (scores[i] > 0) { ids[kept] = ids[i]; scores[kept++] = scores[i]; }
                ids[..kept].Sort(scores[..kept]);
                counts[row] = kept;
            }
        }, ct);
        var offsets = new int[n + 1];
        for (var r = 0; r < n; r++) offsets[r + 1] = offsets[r] + counts[r];
        var columns = new int[offsets[n]];
        var kept = new float[offsets[n]];
        for (var r = 0; r < n; r++)
        {
            items.AsSpan(r * k, counts[r]).CopyTo(columns.AsSpan(offsets[r]));
            values.AsSpan(r * k, counts[r]).CopyTo(kept.AsSpan(offsets[r]));
        }
        return new CsrMatrix(n, n, offsets, columns, kept);
    }
}
