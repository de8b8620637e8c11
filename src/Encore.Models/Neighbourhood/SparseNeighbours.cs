using System.Numerics.Tensors;
using Encore.Core.Parallelism;
using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Top-K cosine neighbours of every row of a (weighted) documents x terms matrix, as a sparse
/// documents x documents CSR. Each row's dot products come from a sparse-sparse product over the
/// transpose into a per-worker dense accumulator (only touched entries are visited and reset), so the
/// cost is the number of co-occurring pairs, not documents squared.
/// </summary>
internal static class SparseNeighbours
{
    public static CsrMatrix TopK(CsrMatrix documents, int neighbours, float shrink, int threads, CancellationToken cancellationToken)
    {
        var n = documents.Rows;
        var k = Math.Max(0, Math.Min(neighbours, n - 1));
        var terms = documents.Transpose();
        var norms = RowNorms(documents);
        if ((long)n * k > Array.MaxLength)
            throw new ArgumentException($"{n} rows x {k} neighbours do not fit in one array; lower Neighbours.", nameof(neighbours));
        var outItems = new int[n * k];
        var outScores = new float[outItems.Length];
        var counts = new int[n];
        ParallelLoop.For(n, threads,
            _ => new Scratch(n),
            (start, end, s) =>
            {
                for (var d = start; d < end; d++)
                    counts[d] = Row(documents, terms, norms, shrink, d, s, outItems.AsSpan(d * k, k), outScores.AsSpan(d * k, k));
            }, cancellationToken);
        return Compact(n, k, outItems, outScores, counts);
    }

    internal static int Row(CsrMatrix documents, CsrMatrix terms, float[] norms, float shrink, int d, Scratch s, Span<int> items, Span<float> scores)
    {
        var rowTerms = documents.RowIndices(d);
        var rowValues = documents.RowValues(d);
        long work = 0;
        foreach (var t in rowTerms) work += terms.RowLength(t);
        // Rows that touch a large share of all documents: accumulate densely and scan with vector passes,
        // instead of tracking touched entries one by one.
        var candidates = work * 4 > norms.Length
            ? DenseRow(terms, norms, shrink, d, rowTerms, rowValues, s)
            : SparseRow(terms, norms, shrink, d, rowTerms, rowValues, s);
        var count = CandidateSelection.SelectBest(s.CandidateIds, s.CandidateScores, candidates, items.Length);
        // A zero similarity is no neighbour; CSR rows must be sorted by column.
        var kept = 0;
        for (var i = 0; i < count; i++)
            if (s.CandidateScores[i] != 0) { items[kept] = s.CandidateIds[i]; scores[kept++] = s.CandidateScores[i]; }
        items[..kept].Sort(scores[..kept]);
        return kept;
    }

    // Returns the number of candidates written to the scratch: every other document with a positive similarity.
    // Similarities are never negative (weights of the positive part), so leaving out the zeros, which the caller
    // drops anyway, selects the same neighbours as offering every document.
    private static int DenseRow(CsrMatrix terms, float[] norms, float shrink, int d, ReadOnlySpan<int> rowTerms, ReadOnlySpan<float> rowValues, Scratch s)
    {
        var acc = s.Accumulator;
        for (var p = 0; p < rowTerms.Length; p++)
        {
            var v = rowValues[p];
            var others = terms.RowIndices(rowTerms[p]);
            var otherValues = terms.RowValues(rowTerms[p]);
            for (var q = 0; q < others.Length; q++) acc[others[q]] += v * otherValues[q];
        }
        // sim = dot / (|d| |o| + shrink); 0 / 0 gives NaN, which is no candidate.
        var denominators = s.Denominators;
        TensorPrimitives.Multiply(norms, norms[d], denominators);
        TensorPrimitives.Add(denominators, shrink, denominators);
        TensorPrimitives.Divide(acc, denominators, acc);
        acc[d] = float.NaN;
        var ids = s.CandidateIds;
        var scores = s.CandidateScores;
        var count = 0;
        for (var o = 0; o < acc.Length; o++)
        {
            var score = acc[o];
            if (score > 0)
            {
                ids[count] = o;
                scores[count++] = score;
            }
        }
        Array.Clear(acc);
        return count;
    }

    // Returns the number of candidates written to the scratch: every touched document with a nonzero dot product.
    private static int SparseRow(CsrMatrix terms, float[] norms, float shrink, int d, ReadOnlySpan<int> rowTerms, ReadOnlySpan<float> rowValues, Scratch s)
    {
        var count = 0;
        var touched = 0;
        var acc = s.Accumulator;
        var seen = s.Seen;
        for (var p = 0; p < rowTerms.Length; p++)
        {
            var v = rowValues[p];
            var others = terms.RowIndices(rowTerms[p]);
            var otherValues = terms.RowValues(rowTerms[p]);
            for (var q = 0; q < others.Length; q++)
            {
                var o = others[q];
                if (!seen[o])
                {
                    seen[o] = true;
                    s.Touched[touched++] = o;
                }
                acc[o] += v * otherValues[q];
            }
        }
        var norm = norms[d];
        for (var i = 0; i < touched; i++)
        {
            var o = s.Touched[i];
            var dot = acc[o];
            acc[o] = 0;
            seen[o] = false;
            if (o == d || dot == 0) continue;
            var denominator = norm * norms[o] + shrink;
            if (!(denominator > 0)) continue;
            var score = dot / denominator;
            if (float.IsNaN(score)) continue;
            s.CandidateIds[count] = o;
            s.CandidateScores[count++] = score;
        }
        return count;
    }

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

    private static CsrMatrix Compact(int n, int k, int[] items, float[] scores, int[] counts)
    {
        var offsets = new int[n + 1];
        for (var d = 0; d < n; d++) offsets[d + 1] = offsets[d] + counts[d];
        var columns = new int[offsets[n]];
        var values = new float[offsets[n]];
        for (var d = 0; d < n; d++)
        {
            items.AsSpan(d * k, counts[d]).CopyTo(columns.AsSpan(offsets[d]));
            scores.AsSpan(d * k, counts[d]).CopyTo(values.AsSpan(offsets[d]));
        }
        return new CsrMatrix(n, n, offsets, columns, values);
    }

    internal sealed class Scratch(int n)
    {
        public float[] Accumulator { get; } = new float[n];

        public bool[] Seen { get; } = new bool[n];

        public int[] Touched { get; } = new int[n];

        public float[] Denominators { get; } = new float[n];

        /// <summary>Candidate neighbours of the current row (ids and similarities), at most n.</summary>
        public int[] CandidateIds { get; } = new int[n];

        public float[] CandidateScores { get; } = new float[n];
    }
}
