using Encore.Core.Sparse;

namespace Encore.Core.Tests.Sparse;

public sealed class CsrMatrixConstructorTests
{
    [Fact]
    public void Constructor_ValidLayout_WrapsArrays()
    {
        var sut = new CsrMatrix(2, 3, [0, 1, 3], [2, 0, 1], [5f, 6f, 7f]);

        CsrAssert.Layout(2, 3, [0, 1, 3], [2, 0, 1], [5, 6, 7], sut);
    }

    [Fact]
    public void Constructor_ZeroRows_Accepted()
    {
        var sut = new CsrMatrix(0, 0, [0], [], []);

        Assert.Equal(0, sut.Rows);
        Assert.Equal(0, sut.NonZeros);
    }

    public static TheoryData<string, int, int, int[], int[], float[]> BadLayouts => new()
    {
        { "offsets too short", 2, 3, [0, 1], [0], [1f] },
        { "offsets too long", 1, 3, [0, 1, 1], [0], [1f] },
        { "offsets not starting at 0", 2, 3, [1, 1, 2], [0, 1], [1f, 1f] },
        { "offsets not ending at nnz", 2, 3, [0, 1, 1], [0, 1], [1f, 1f] },
        { "offsets decreasing", 2, 3, [0, 2, 1], [0], [1f] },
        { "offset beyond nnz mid-way", 2, 3, [0, 5, 2], [0, 1], [1f, 1f] },
        { "columns unsorted", 1, 3, [0, 2], [2, 1], [1f, 1f] },
        { "columns duplicated", 1, 3, [0, 2], [1, 1], [1f, 1f] },
        { "column too large", 1, 3, [0, 1], [3], [1f] },
        { "column negative", 1, 3, [0, 1], [-1], [1f] },
        { "values length differs", 1, 3, [0, 1], [0], [1f, 2f] },
    };

    [Theory]
    [MemberData(nameof(BadLayouts))]
    public void Constructor_BadLayout_ThrowsArgumentException(string why, int rows, int columns, int[] offsets, int[] cols, float[] vals)
    {
        var ex = Assert.Throws<ArgumentException>(() => new CsrMatrix(rows, columns, offsets, cols, vals));

        Assert.False(string.IsNullOrEmpty(ex.Message), why);
    }

    [Fact]
    public void Constructor_NegativeRows_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CsrMatrix(-1, 3, [0], [], []));
}
