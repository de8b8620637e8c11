using Encore.Core.Randomness;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Neighbourhood;

namespace Encore.Models.Tests.Neighbourhood;

/// <summary>
/// Pins the quickselect neighbour selection against the heap (<see cref="TopKSelector"/>) it replaced, and the
/// whole top-K similarity matrix against a brute-force cosine on small random matrices (sparse and dense rows).
/// </summary>
public sealed class NeighbourSelectionTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(3, 5)]
    [InlineData(40, 1)]
    [InlineData(40, 7)]
    [InlineData(1000, 100)]
    [InlineData(1000, 999)]
    [InlineData(5000, 400)]
    public void KeySelection_SelectTop_SameSetAsHeap_WithTiesAndNegativeScores(int count, int k)
    {
        var rng = new Rng((ulong)(count * 17 + k));
        var ids = new int[count];
        for (var i = 0; i < count; i++) ids[i] = i;
        rng.Shuffle(ids.AsSpan());
        // Few distinct values, negative ones, -0 and +0 among them: the ties are decided by the id.
        var levels = new[] { -3.5f, -1f, -0f, 0f, 0.25f, 1f, 7f, float.PositiveInfinity };
        var scores = new float[count];
        for (var i = 0; i < count; i++) scores[i] = levels[rng.NextInt(levels.Length)];
        var heap = new TopKSelector(k);
        for (var i = 0; i < count; i++) heap.Offer(ids[i], scores[i]);
        var expectedIds = new int[k];
        var expectedScores = new float[k];
        var expected = heap.Drain(expectedIds, expectedScores);
        var keys = new ulong[count];
        for (var i = 0; i < count; i++) keys[i] = KeySelection.Key(ids[i], scores[i]);

        var selected = KeySelection.SelectTop(keys, k);

        Assert.Equal(expected, selected);
        Assert.Equal(expectedIds[..expected].Order(), keys[..selected].Select(KeySelection.IdOf).Order());
    }

    [Theory]
    [InlineData(0, 0f)]
    [InlineData(7, 0.125f)]
    [InlineData(123456, -2.5f)]
    [InlineData(int.MaxValue, float.PositiveInfinity)]
    [InlineData(3, float.NegativeInfinity)]
    public void KeySelection_Key_RoundTripsAndOrdersLikeBetter(int id, float score)
    {
        var key = KeySelection.Key(id, score);

        Assert.Equal(id, KeySelection.IdOf(key));
        Assert.Equal(score, KeySelection.ScoreOf(key));
        // A higher similarity wins whatever the ids; at equal similarity the smaller id wins (TopKSelector's order).
        if (!float.IsNegativeInfinity(score)) Assert.True(key > KeySelection.Key(0, MathF.BitDecrement(score)));
        if (id > 0) Assert.True(key < KeySelection.Key(id - 1, score));
    }

    [Theory]
    [InlineData(30, 40, 0.05, 5, 0f)]
    [InlineData(30, 40, 0.6, 5, 0f)]
    [InlineData(50, 20, 0.3, 10, 2f)]
    [InlineData(25, 25, 0.2, 100, 0f)]
    public void TopK_EqualsBruteForceCosine(int documents, int terms, double density, int k, float shrink)
    {
        var rng = new Rng((ulong)(documents + terms));
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
        for (var d = 0; d < documents; d++)
            for (var t = 0; t < terms; t++)
                if (rng.NextDouble() < density)
                {
                    rows.Add(d);
                    cols.Add(t);
                    // A few distinct values, so equal similarities (ties) occur.
                    vals.Add(1 + rng.NextInt(2));
                }
        var m = CsrMatrix.FromTriples(documents, terms, rows.ToArray(), cols.ToArray(), vals.ToArray());

        var result = SparseNeighbours.TopK(m, k, shrink, threads: 2, CancellationToken.None);

        var dense = new float[documents, terms];
        for (var i = 0; i < rows.Count; i++) dense[rows[i], cols[i]] = vals[i];
        var norms = SparseNeighbours.RowNorms(m);
        var keep = Math.Min(k, documents - 1);
        for (var d = 0; d < documents; d++)
        {
            var heap = new TopKSelector(keep);
            for (var o = 0; o < documents; o++)
            {
                if (o == d) continue;
                float dot = 0;
                for (var t = 0; t < terms; t++) dot += dense[d, t] * dense[o, t];
                if (dot == 0) continue;
                heap.Offer(o, dot / (norms[d] * norms[o] + shrink));
            }
            var ids = new int[keep];
            var scores = new float[keep];
            var n = heap.Drain(ids, scores);
            var expected = ids[..n].Order().ToArray();
            Assert.Equal(expected, result.RowIndices(d).ToArray());
            for (var i = 0; i < expected.Length; i++)
                Assert.Equal(scores[Array.IndexOf(ids, expected[i])], result.RowValues(d)[i], 5);
        }
    }
}
