using Encore.Core.Parallelism;
using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Top-K cosine neighbours of every row of a (weighted) documents x terms matrix, as a sparse
/// documents x documents CSR: sim(a, b) = a . b / (|a| |b| + shrink), the row itself and zero similarities left out,
/// ties broken by the smaller id. Each row's dot products come from a sparse-sparse product over the transpose into
/// a per-worker dense accumulator (<see cref="NeighbourRow"/>), so the cost is the number of co-occurring pairs
/// (Sum over terms of df(t)^2), not documents squared.
/// </summary>
/// <remarks>
/// Rows are cut into chunks of about equal work (Sum over the row's terms of their document frequency), which the
/// workers pull dynamically, so a few popular documents do not leave one core working alone at the end. Each row's
/// neighbours go straight into one output buffer at an offset bounded by min(K, work - row length), and the buffer is
/// compacted in place at the end: no per-row allocation and no documents x K buffer.
/// </remarks>
internal static class SparseNeighbours
{
    /// <summary>Chunks per worker: enough for the dynamic pull to even out the last ones.</summary>
    private const int ChunksPerWorker = 32;

    /// <summary>Top-K neighbours of every row of <paramref name="documents"/> (documents x terms, values &gt;= 0).</summary>
    /// <returns>A documents x documents CSR of at most min(K, documents - 1) entries a row, sorted by column.</returns>
    /// <exception cref="ArgumentException">The output would not fit in one array.</exception>
    /// <exception cref="OperationCanceledException">Cancelled between chunks.</exception>
    public static CsrMatrix TopK(CsrMatrix documents, int neighbours, float shrink, int threads, CancellationToken cancellationToken) =>
        TopK(documents, documents.Transpose(), neighbours, shrink, threads, cancellationToken);

    /// <summary>As <see cref="TopK(CsrMatrix, int, float, int, CancellationToken)"/>, with the transpose supplied
    /// (terms x documents: the caller often holds it already, e.g. the users x items interactions of item-kNN).</summary>
    /// <param name="documents">documents x terms, values &gt;= 0.</param>
    /// <param name="terms">Exactly <paramref name="documents"/>' transpose (same values, rows sorted by column).</param>
    /// <param name="neighbours">K, &gt;= 0.</param>
    /// <param name="shrink">Added to the cosine denominator, &gt;= 0.</param>
    /// <param name="threads">Workers; 0 = all cores.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    /// <returns>A documents x documents CSR of at most min(K, documents - 1) entries a row, sorted by column.</returns>
    /// <exception cref="ArgumentException">The output would not fit in one array, or the shapes do not match.</exception>
    /// <exception cref="OperationCanceledException">Cancelled between chunks.</exception>
    public static CsrMatrix TopK(CsrMatrix documents, CsrMatrix terms, int neighbours, float shrink, int threads, CancellationToken cancellationToken)
    {
        if (terms.Rows != documents.Columns || terms.Columns != documents.Rows || terms.NonZeros != documents.NonZeros)
            throw new ArgumentException($"terms ({terms.Rows} x {terms.Columns}, {terms.NonZeros} entries) is not the transpose of documents ({documents.Rows} x {documents.Columns}, {documents.NonZeros} entries).", nameof(terms));
        var n = documents.Rows;
        var k = Math.Max(0, Math.Min(neighbours, n - 1));
        var norms = RowNorms(documents);
        var work = RowWork(documents, terms);
        // Row d's slot holds at most min(K, work(d) - |d|) neighbours: of its work(d) updates, |d| (one per term) are
        // to d itself, and every other update touches at most one other document.
        var slots = new int[n + 1];
        long slotTotal = 0;
        for (var d = 0; d < n; d++)
        {
            slotTotal += Math.Min(k, Math.Max(0, work[d] - documents.RowLength(d)));
            if (slotTotal > Array.MaxLength)
                throw new ArgumentException($"{n} rows x {k} neighbours do not fit in one array; lower Neighbours.", nameof(neighbours));
            slots[d + 1] = (int)slotTotal;
        }
        var columns = new int[slotTotal];
        var values = new float[slotTotal];
        var counts = new int[n];
        var unitWeights = AllOnes(documents.Values);
        var binaryCounts = unitWeights && CooccurrenceCounts.Fits(documents);
        var chunks = EqualWorkChunks(work, ParallelLoop.Workers(threads) * ChunksPerWorker);
        ParallelLoop.For(chunks.Length - 1, threads,
            _ => new NeighbourRow.Scratch(n, k, binaryCounts),
            (start, end, s) =>
            {
                for (var c = start; c < end; c++)
                    for (var d = chunks[c]; d < chunks[c + 1]; d++)
                    {
                        var slot = slots[d + 1] - slots[d];
                        counts[d] = NeighbourRow.Compute(documents, terms, unitWeights, norms, shrink, d, work[d], s, columns.AsSpan(slots[d], slot), values.AsSpan(slots[d], slot));
                    }
            }, cancellationToken, chunkSize: 1);
        return Compact(n, slots, counts, columns, values);
    }

    /// <summary>Euclidean norm of every row, summed in double.</summary>
    internal static float[] RowNorms(CsrMatrix m)
    {
        var norms = new float[m.Rows];
        for (var r = 0; r < m.Rows; r++)
        {
            double sum = 0;
            foreach (var v in m.RowValues(r)) sum += (double)v * v;
            norms[r] = (float)Math.Sqrt(sum);
        }
        return norms;
    }

    private static bool AllOnes(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
            if (v != 1f) return false;
        return true;
    }

    /// <summary>Accumulator updates of each row: Sum over its terms of their document frequency (saturated at int.MaxValue).</summary>
    internal static int[] RowWork(CsrMatrix documents, CsrMatrix terms)
    {
        var work = new int[documents.Rows];
        for (var d = 0; d < work.Length; d++)
        {
            long w = 0;
            foreach (var t in documents.RowIndices(d)) w += terms.RowLength(t);
            work[d] = (int)Math.Min(w, int.MaxValue);
        }
        return work;
    }

    /// <summary>
    /// Boundaries of at most <paramref name="chunks"/> consecutive row ranges of about equal work (each range at
    /// least one row; a range with one very heavy row can hold more than its share). Starts at 0, ends at the row count.
    /// </summary>
    internal static int[] EqualWorkChunks(ReadOnlySpan<int> work, int chunks)
    {
        var n = work.Length;
        long total = 0;
        // Every row costs at least its own bookkeeping: count it as one unit of work.
        foreach (var w in work) total += w + 1L;
        var bounds = new List<int>(chunks + 1) { 0 };
        long done = 0;
        for (var d = 0; d < n; d++)
        {
            done += work[d] + 1L;
            // Close the range once it reaches the next multiple of total / chunks (in double: no overflow).
            if (d + 1 < n && (double)done * chunks >= (double)total * bounds.Count) bounds.Add(d + 1);
        }
        bounds.Add(n);
        return [.. bounds];
    }

    // Moves every row's neighbours to the front, in row order, and trims the buffers to the kept entries.
    private static CsrMatrix Compact(int n, int[] slots, int[] counts, int[] columns, float[] values)
    {
        var offsets = new int[n + 1];
        for (var d = 0; d < n; d++)
        {
            var at = offsets[d];
            offsets[d + 1] = at + counts[d];
            // Rows only move left (at <= slots[d]); Span.CopyTo handles the overlap.
            if (at == slots[d]) continue;
            columns.AsSpan(slots[d], counts[d]).CopyTo(columns.AsSpan(at));
            values.AsSpan(slots[d], counts[d]).CopyTo(values.AsSpan(at));
        }
        var kept = offsets[n];
        if (kept < columns.Length)
        {
            Array.Resize(ref columns, kept);
            Array.Resize(ref values, kept);
        }
        return new CsrMatrix(n, n, offsets, columns, values);
    }
}
