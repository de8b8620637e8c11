using Encore.Core.Sparse;

namespace Encore.Core.Tests.Sparse;

public sealed class CsrMatrixFromTriplesTests
{
    // 3 x 4, unsorted, row 1 empty; (0,3) appears three times (1, 4, 2), (2,1) twice (5, 3).
    private static readonly int[] Rows = [2, 0, 0, 2, 0, 2, 0];
    private static readonly int[] Cols = [1, 3, 0, 1, 3, 0, 3];
    private static readonly float[] Vals = [5, 1, 2, 3, 4, 7, 2];

    [Fact]
    public void FromTriples_DuplicatesWithSum_AddsValues()
    {
        var sut = CsrMatrix.FromTriples(3, 4, Rows, Cols, Vals, DuplicatePolicy.Sum);

        CsrAssert.Layout(3, 4, [0, 2, 2, 4], [0, 3, 0, 1], [2, 7, 7, 8], sut);
    }

    [Fact]
    public void FromTriples_DefaultPolicy_IsSum()
    {
        var sut = CsrMatrix.FromTriples(3, 4, Rows, Cols, Vals);

        CsrAssert.Layout(3, 4, [0, 2, 2, 4], [0, 3, 0, 1], [2, 7, 7, 8], sut);
    }

    [Fact]
    public void FromTriples_DuplicatesWithMax_KeepsLargest()
    {
        var sut = CsrMatrix.FromTriples(3, 4, Rows, Cols, Vals, DuplicatePolicy.Max);

        CsrAssert.Layout(3, 4, [0, 2, 2, 4], [0, 3, 0, 1], [2, 4, 7, 5], sut);
    }

    [Fact]
    public void FromTriples_DuplicatesWithLast_KeepsLaterInInputOrder()
    {
        var sut = CsrMatrix.FromTriples(3, 4, Rows, Cols, Vals, DuplicatePolicy.Last);

        CsrAssert.Layout(3, 4, [0, 2, 2, 4], [0, 3, 0, 1], [2, 2, 7, 3], sut);
    }

    [Fact]
    public void FromTriples_MaxOfNegativeValues_KeepsLeastNegative()
    {
        var sut = CsrMatrix.FromTriples(1, 2, [0, 0, 0], [1, 1, 1], [-3f, -1f, -2f], DuplicatePolicy.Max);

        CsrAssert.Layout(1, 2, [0, 1], [1], [-1f], sut);
    }

    [Fact]
    public void FromTriples_LastWithManyDuplicatesInLongRow_KeepsLaterInInputOrder()
    {
        // Long enough that an unstable sort would likely reorder equal columns.
        const int n = 200;
        var rows = new int[n];
        var cols = new int[n];
        var vals = new float[n];
        for (var i = 0; i < n; i++)
        {
            cols[i] = (n - i) % 3;
            vals[i] = i;
        }

        var sut = CsrMatrix.FromTriples(1, 3, rows, cols, vals, DuplicatePolicy.Last);

        // Last occurrences: column 0 at i = 197 (200-197=3), column 1 at i = 199, column 2 at i = 198.
        CsrAssert.Layout(1, 3, [0, 3], [0, 1, 2], [197, 199, 198], sut);
    }

    [Fact]
    public void FromTriples_SortedWithoutDuplicates_KeepsInput()
    {
        var sut = CsrMatrix.FromTriples(2, 3, [0, 0, 1], [0, 2, 1], [1f, 2f, 3f]);

        CsrAssert.Layout(2, 3, [0, 2, 3], [0, 2, 1], [1, 2, 3], sut);
    }

    [Fact]
    public void FromTriples_NoTriples_AllRowsEmpty()
    {
        var sut = CsrMatrix.FromTriples(3, 5, [], [], []);

        CsrAssert.Layout(3, 5, [0, 0, 0, 0], [], [], sut);
        Assert.Equal(0, sut.RowLength(1));
        Assert.True(sut.RowIndices(2).IsEmpty);
    }

    [Fact]
    public void FromTriples_ZeroRowsAndColumns_BuildsEmptyMatrix()
    {
        var sut = CsrMatrix.FromTriples(0, 0, [], [], []);

        CsrAssert.Layout(0, 0, [0], [], [], sut);
        CsrAssert.Layout(0, 0, [0], [], [], sut.Transpose());
    }

    [Fact]
    public void FromTriples_RowsButZeroColumns_TransposesToZeroRows()
    {
        var sut = CsrMatrix.FromTriples(2, 0, [], [], []);

        CsrAssert.Layout(2, 0, [0, 0, 0], [], [], sut);
        CsrAssert.Layout(0, 2, [0], [], [], sut.Transpose());
    }

    [Theory]
    [InlineData(-1, 0, "row")]
    [InlineData(2, 0, "row")]
    [InlineData(0, -1, "column")]
    [InlineData(0, 3, "column")]
    public void FromTriples_IndexOutOfRange_ThrowsArgumentOutOfRange(int row, int column, string what)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CsrMatrix.FromTriples(2, 3, [0, row], [1, column], [1f, 1f]));

        Assert.Equal(what, ex.ParamName);
    }

    [Fact]
    public void FromTriples_AnyColumnWhenZeroColumns_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CsrMatrix.FromTriples(1, 0, [0], [0], [1f]));

    [Fact]
    public void FromTriples_LengthsDiffer_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => CsrMatrix.FromTriples(2, 2, [0, 1], [0], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => CsrMatrix.FromTriples(2, 2, [0, 1], [0, 1], [1f]));
    }

    [Fact]
    public void FromTriples_NegativeShape_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CsrMatrix.FromTriples(-1, 2, [], [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => CsrMatrix.FromTriples(2, -1, [], [], []));
    }
}
