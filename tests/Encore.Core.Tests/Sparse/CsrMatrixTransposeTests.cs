using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Core.Tests.Sparse;

public sealed class CsrMatrixTransposeTests
{
    // [2 0 0 7]
    // [0 0 0 0]
    // [7 8 0 0]
    private static CsrMatrix Example() => new(3, 4, [0, 2, 2, 4], [0, 3, 0, 1], [2, 7, 7, 8]);

    [Fact]
    public void Transpose_HandWrittenExample_SwapsRowsAndColumns()
    {
        var sut = Example().Transpose();

        // [2 0 7]
        // [0 0 8]
        // [0 0 0]
        // [7 0 0]
        CsrAssert.Layout(4, 3, [0, 2, 3, 3, 4], [0, 2, 2, 0], [2, 7, 8, 7], sut);
    }

    [Fact]
    public void Transpose_Twice_EqualsOriginal()
    {
        var original = Example();

        CsrAssert.SameMatrix(original, original.Transpose().Transpose());
    }

    [Fact]
    public void Transpose_RandomMatrixTwice_EqualsOriginal()
    {
        var rng = new Rng(7);
        const int n = 5000;
        var rows = new int[n];
        var cols = new int[n];
        var vals = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = rng.NextInt(300);
            cols[i] = rng.NextInt(200);
            vals[i] = rng.NextFloat();
        }
        var original = CsrMatrix.FromTriples(300, 200, rows, cols, vals);

        var transposed = original.Transpose();

        CsrAssert.SameMatrix(original, transposed.Transpose());
        for (var i = 0; i < n; i++) Assert.Equal(original.Get(rows[i], cols[i]), transposed.Get(cols[i], rows[i]));
    }

    [Fact]
    public void Get_StoredAndMissingEntries_ReturnsValueOrZero()
    {
        var sut = Example();

        Assert.Equal(2f, sut.Get(0, 0));
        Assert.Equal(7f, sut.Get(0, 3));
        Assert.Equal(0f, sut.Get(0, 1));
        Assert.Equal(0f, sut.Get(1, 2));
        Assert.Equal(8f, sut.Get(2, 1));
        Assert.Equal(0f, sut.Get(2, 3));
    }

    [Fact]
    public void RowAccessors_ExampleRows_ReturnRowSlices()
    {
        var sut = Example();

        Assert.Equal(new[] { 0, 1 }, sut.RowIndices(2).ToArray());
        Assert.Equal(new[] { 7f, 8f }, sut.RowValues(2).ToArray());
        Assert.Equal(2, sut.RowLength(0));
        Assert.Equal(0, sut.RowLength(1));
    }

    [Fact]
    public void MapValues_Doubling_KeepsStructureAndMapsValues()
    {
        var sut = Example().MapValues(v => v * 2);

        CsrAssert.Layout(3, 4, [0, 2, 2, 4], [0, 3, 0, 1], [4, 14, 14, 16], sut);
    }

    [Fact]
    public void WithValues_MatchingLength_ReplacesValues()
    {
        var sut = Example().WithValues([1, 2, 3, 4]);

        CsrAssert.Layout(3, 4, [0, 2, 2, 4], [0, 3, 0, 1], [1, 2, 3, 4], sut);
    }

    [Fact]
    public void WithValues_WrongLength_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Example().WithValues([1, 2, 3]));

    [Theory]
    [InlineData(2, 500, 300, 8_000, 1UL)]
    [InlineData(3, 7, 900, 4_000, 2UL)]
    [InlineData(4, 1, 50, 200, 3UL)]
    [InlineData(2, 300, 1, 1_000, 4UL)]
    [InlineData(8, 40, 60, 2, 5UL)]
    public void Transpose_OnSeveralCores_SameAsOnOne(int workers, int rows, int columns, int triples, ulong seed)
    {
        var rng = new Rng(seed);
        var (r, c, v) = (new int[triples], new int[triples], new float[triples]);
        for (var i = 0; i < triples; i++)
        {
            // Skewed rows (some long, many empty) so the equal-entry row ranges are uneven.
            r[i] = (int)((long)rng.NextInt(rows) * rng.NextInt(rows) / rows);
            c[i] = rng.NextInt(columns);
            v[i] = rng.NextInt(1, 100);
        }
        var matrix = CsrMatrix.FromTriples(rows, columns, r, c, v);

        var sut = matrix.Transpose(workers, parallelMinEntries: 0);

        CsrAssert.SameMatrix(matrix.Transpose(1, parallelMinEntries: 0), sut);
        CsrAssert.SameMatrix(matrix, sut.Transpose(workers, parallelMinEntries: 0));
    }
}
