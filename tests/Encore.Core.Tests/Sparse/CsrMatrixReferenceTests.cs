using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Core.Tests.Sparse;

/// <summary>FromTriples against a dictionary that applies each triple in input order.</summary>
public sealed class CsrMatrixReferenceTests
{
    [Theory]
    [InlineData(DuplicatePolicy.Sum, 40, 30, 1UL)]
    [InlineData(DuplicatePolicy.Max, 40, 30, 2UL)]
    [InlineData(DuplicatePolicy.Last, 40, 30, 3UL)]
    [InlineData(DuplicatePolicy.Sum, 1000, 800, 4UL)]
    [InlineData(DuplicatePolicy.Last, 1000, 800, 5UL)]
    [InlineData(DuplicatePolicy.Last, 3, 5000, 6UL)]
    // Rows of ~25 triples over 12 columns: the short-row insertion sort, with many duplicates per row.
    [InlineData(DuplicatePolicy.Sum, 400, 12, 7UL)]
    [InlineData(DuplicatePolicy.Max, 400, 12, 8UL)]
    [InlineData(DuplicatePolicy.Last, 400, 12, 9UL)]
    [InlineData(DuplicatePolicy.Last, 250, 5000, 10UL)]
    public void FromTriples_RandomTriples_MatchesDictionaryReference(DuplicatePolicy policy, int rowCount, int columnCount, ulong seed)
    {
        const int n = 10_000;
        var rng = new Rng(seed);
        var rows = new int[n];
        var cols = new int[n];
        var vals = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = rng.NextInt(rowCount);
            cols[i] = rng.NextInt(columnCount);
            vals[i] = rng.NextInt(-50, 50) / 4f;
        }

        var sut = CsrMatrix.FromTriples(rowCount, columnCount, rows, cols, vals, policy);

        var reference = Reference(rows, cols, vals, policy);
        Assert.Equal(reference.Count, sut.NonZeros);
        for (var r = 0; r < rowCount; r++)
        {
            var expected = reference.Where(e => e.Key.Row == r).OrderBy(e => e.Key.Column).ToArray();
            Assert.Equal(expected.Select(e => e.Key.Column).ToArray(), sut.RowIndices(r).ToArray());
            Assert.Equal(expected.Select(e => e.Value).ToArray(), sut.RowValues(r).ToArray());
        }
    }

    [Theory]
    [InlineData(DuplicatePolicy.Sum, 400, 12, 2, 11UL)]
    [InlineData(DuplicatePolicy.Last, 250, 5000, 3, 12UL)]
    [InlineData(DuplicatePolicy.Last, 3, 5000, 2, 13UL)]
    [InlineData(DuplicatePolicy.Max, 1000, 100_000, 4, 14UL)]
    public void Build_RowsSortedOnSeveralCores_SameAsOneCore(DuplicatePolicy policy, int rowCount, int columnCount, int workers, ulong seed)
    {
        const int n = 20_000;
        var rng = new Rng(seed);
        var (rows, cols, vals) = (new int[n], new int[n], new float[n]);
        for (var i = 0; i < n; i++)
        {
            rows[i] = rng.NextInt(rowCount);
            cols[i] = rng.NextInt(columnCount);
            vals[i] = rng.NextInt(-50, 50) / 4f;
        }

        var sut = CsrBuilder.Build(rowCount, columnCount, rows, cols, vals, policy, workers, parallelMinEntries: 0);

        var one = CsrBuilder.Build(rowCount, columnCount, rows, cols, vals, policy, 1, parallelMinEntries: 0);
        Assert.Equal(one.Offsets.ToArray(), sut.Offsets.ToArray());
        Assert.Equal(one.ColumnIndices.ToArray(), sut.ColumnIndices.ToArray());
        Assert.Equal(one.Values.ToArray(), sut.Values.ToArray());
        var reference = Reference(rows, cols, vals, policy);
        Assert.Equal(reference.Count, sut.NonZeros);
        foreach (var ((r, c), v) in reference) Assert.Equal(v, sut.Get(r, c));
    }

    private static Dictionary<(int Row, int Column), float> Reference(int[] rows, int[] cols, float[] vals, DuplicatePolicy policy)
    {
        var cells = new Dictionary<(int Row, int Column), float>();
        for (var i = 0; i < rows.Length; i++)
        {
            var key = (rows[i], cols[i]);
            cells[key] = !cells.TryGetValue(key, out var old) ? vals[i] : policy switch
            {
                DuplicatePolicy.Sum => old + vals[i],
                DuplicatePolicy.Max => Math.Max(old, vals[i]),
                _ => vals[i],
            };
        }
        return cells;
    }
}
