using Encore.Core.Randomness;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Neighbourhood;

namespace Encore.Models.Tests.Neighbourhood;

/// <summary>
/// Pins the item-kNN fit kernel (<see cref="SparseNeighbours"/> with <see cref="NeighbourRow"/>: stamped touch list,
/// equal-work chunks, in-place compaction) against a scalar brute force: same neighbours and bit-identical
/// similarities (the brute force sums each dot product in the same term order), on skewed random matrices where a few
/// documents share terms with almost every other one, with real-valued weights, ties, shrinkage and empty rows.
/// </summary>
public sealed class NeighbourKernelTests
{
    [Theory]
    [InlineData(60, 80, 400, 5, 0f, 1, true)]
    [InlineData(60, 80, 400, 5, 0f, 2, false)]
    [InlineData(120, 40, 900, 10, 3f, 2, false)]
    [InlineData(200, 300, 1500, 100, 0f, 3, true)]
    [InlineData(30, 10, 200, 29, 0.5f, 2, true)]
    [InlineData(30, 10, 200, 500, 0f, 1, false)]
    [InlineData(300, 50, 3000, 1, 0f, 2, true)]
    [InlineData(300, 50, 3000, 3, 1f, 1, false)]
    [InlineData(400, 30, 2500, 20, 0f, 2, true)]
    public void TopK_BitIdenticalToBruteForce_OnSkewedData(int documents, int terms, int draws, int k, float shrink, int threads, bool binary)
    {
        var m = SkewedMatrix(documents, terms, draws, binary, seed: (ulong)(documents * 7 + terms + k));

        var result = SparseNeighbours.TopK(m, k, shrink, threads, CancellationToken.None);

        AssertEqualsBruteForce(m, k, shrink, result);
    }

    [Theory]
    [InlineData(3000, 400, 30000, 100, 0f, 2)]
    [InlineData(2000, 60, 40000, 50, 2f, 1)]
    [InlineData(500, 2000, 8000, 10, 0f, 3)]
    public void TopK_BinaryCounts_BitIdenticalToBruteForce_OnLargerSkewedData(int documents, int terms, int draws, int k, float shrink, int threads)
    {
        // Binary input goes through CooccurrenceCounts: touch lists of thousands of documents (the bounded selection
        // refills several times) and dense rows (the 16-count vector scan, with a tail).
        var m = SkewedMatrix(documents, terms, draws, binary: true, seed: (ulong)(documents + terms * 3 + k));
        Assert.True(CooccurrenceCounts.Fits(m));

        var result = SparseNeighbours.TopK(m, k, shrink, threads, CancellationToken.None);

        AssertEqualsBruteForce(m, k, shrink, result);
    }

    [Fact]
    public void TopK_BinaryRowTooLongForCounts_UsesFloatPath_SameAsBruteForce()
    {
        // Document 0 has more terms than a ushort count allows: the general (float) accumulation takes over.
        var rows = new List<int>();
        var cols = new List<int>();
        for (var t = 0; t < CooccurrenceCounts.MaxRowLength + 5; t++) { rows.Add(0); cols.Add(t); }
        for (var d = 1; d < 8; d++)
            for (var t = d; t < CooccurrenceCounts.MaxRowLength + 5; t += d * 977) { rows.Add(d); cols.Add(t); }
        var m = CsrMatrix.FromTriples(8, CooccurrenceCounts.MaxRowLength + 5, [.. rows], [.. cols], Enumerable.Repeat(1f, rows.Count).ToArray());
        Assert.False(CooccurrenceCounts.Fits(m));

        var result = SparseNeighbours.TopK(m, 3, 0f, 2, CancellationToken.None);

        AssertEqualsBruteForce(m, 3, 0f, result);
    }

    [Fact]
    public void TopK_WithSuppliedTranspose_SameAsComputed_AndRejectsAWrongOne()
    {
        var m = SkewedMatrix(200, 300, 1500, binary: true, seed: 5);

        var supplied = SparseNeighbours.TopK(m, m.Transpose(), 20, 0f, 2, CancellationToken.None);
        var computed = SparseNeighbours.TopK(m, 20, 0f, 2, CancellationToken.None);

        Assert.Equal(computed.Offsets.ToArray(), supplied.Offsets.ToArray());
        Assert.Equal(computed.ColumnIndices.ToArray(), supplied.ColumnIndices.ToArray());
        Assert.Equal(computed.Values.ToArray(), supplied.Values.ToArray());
        Assert.Throws<ArgumentException>(() => SparseNeighbours.TopK(m, m, 20, 0f, 2, CancellationToken.None));
    }

    [Fact]
    public void TopK_OneDocument_HasNoNeighbours()
    {
        var m = CsrMatrix.FromTriples(1, 3, [0, 0], [0, 2], [1f, 1f]);

        var result = SparseNeighbours.TopK(m, 10, 0f, 2, CancellationToken.None);

        Assert.Equal(0, result.NonZeros);
        Assert.Equal(1, result.Rows);
    }

    [Fact]
    public void TopK_DocumentsWithoutSharedTerms_HaveEmptyRows()
    {
        // Documents 0 and 1 share term 0; 2 has its own term; 3 is empty.
        var m = CsrMatrix.FromTriples(4, 3, [0, 1, 2], [0, 0, 1], [1f, 2f, 1f]);

        var result = SparseNeighbours.TopK(m, 5, 0f, 2, CancellationToken.None);

        Assert.Equal([1], result.RowIndices(0).ToArray());
        Assert.Equal([0], result.RowIndices(1).ToArray());
        Assert.Equal(0, result.RowLength(2));
        Assert.Equal(0, result.RowLength(3));
        Assert.Equal(1f, result.RowValues(0)[0]);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, 4)]
    [InlineData(new[] { 1000, 1, 1, 1, 1, 1, 1, 1 }, 4)]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1 }, 4)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 64)]
    [InlineData(new[] { 5 }, 8)]
    public void EqualWorkChunks_CoverEveryRowOnceInOrder(int[] work, int chunks)
    {
        var bounds = SparseNeighbours.EqualWorkChunks(work, chunks);

        Assert.Equal(0, bounds[0]);
        Assert.Equal(work.Length, bounds[^1]);
        for (var c = 1; c < bounds.Length; c++) Assert.True(bounds[c] > bounds[c - 1], $"empty or backward chunk at {c}");
        Assert.True(bounds.Length - 1 <= Math.Max(chunks, 1) + work.Length, "too many chunks");
    }

    [Fact]
    public void EqualWorkChunks_EvenWork_SplitsEvenly()
    {
        var work = Enumerable.Repeat(10, 64).ToArray();

        var bounds = SparseNeighbours.EqualWorkChunks(work, 8);

        Assert.Equal([0, 8, 16, 24, 32, 40, 48, 56, 64], bounds);
    }

    [Fact]
    public void RowWork_IsSumOfTermFrequencies()
    {
        var m = CsrMatrix.FromTriples(3, 3, [0, 0, 1, 2], [0, 1, 1, 2], [1f, 1f, 1f, 1f]);

        var work = SparseNeighbours.RowWork(m, m.Transpose());

        Assert.Equal([3, 2, 1], work);
    }

    // Zipf-like term and document popularity: the first documents meet nearly every other one (the dense end),
    // the tail meets few; values are a few distinct levels (ties) or real-valued weights.
    private static CsrMatrix SkewedMatrix(int documents, int terms, int draws, bool binary, ulong seed)
    {
        var rng = new Rng(seed);
        var cells = new Dictionary<(int, int), float>();
        for (var i = 0; i < draws; i++)
        {
            var d = (int)(documents * Math.Pow(rng.NextDouble(), 2.5));
            var t = (int)(terms * Math.Pow(rng.NextDouble(), 1.5));
            cells[(d, t)] = binary ? 1f : 0.25f + rng.NextInt(3) + (float)rng.NextDouble();
        }
        var keys = cells.Keys.ToArray();
        return CsrMatrix.FromTriples(documents, terms, keys.Select(c => c.Item1).ToArray(), keys.Select(c => c.Item2).ToArray(),
            keys.Select(c => cells[c]).ToArray());
    }

    private static void AssertEqualsBruteForce(CsrMatrix m, int k, float shrink, CsrMatrix result)
    {
        var n = m.Rows;
        var norms = SparseNeighbours.RowNorms(m);
        var keep = Math.Min(k, n - 1);
        Assert.Equal(n, result.Rows);
        for (var d = 0; d < n; d++)
        {
            var heap = new TopKSelector(Math.Max(keep, 1));
            for (var o = 0; o < n; o++)
            {
                if (o == d) continue;
                // The dot product term by term in increasing term order, as the kernel sums it.
                float dot = 0;
                var dt = m.RowIndices(d);
                var dv = m.RowValues(d);
                for (var p = 0; p < dt.Length; p++)
                {
                    var w = m.Get(o, dt[p]);
                    if (w != 0) dot += dv[p] * w;
                }
                if (dot == 0) continue;
                // The kernel clamps a cosine to [-1, 1] (parallel rows can round to 1.0000001).
                heap.Offer(o, Math.Clamp(dot / (norms[d] * norms[o] + shrink), -1f, 1f));
            }
            var ids = new int[Math.Max(keep, 1)];
            var scores = new float[ids.Length];
            var count = keep == 0 ? 0 : heap.Drain(ids, scores);
            var expected = ids[..count].Order().ToArray();
            Assert.Equal(expected, result.RowIndices(d).ToArray());
            for (var i = 0; i < expected.Length; i++)
                Assert.Equal(scores[Array.IndexOf(ids, expected[i])], result.RowValues(d)[i]);
        }
    }
}
