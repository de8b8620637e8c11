using Encore.Core.Sparse;

namespace Encore.Core.Tests.Sparse;

public sealed class CsrMatrixColumnCountsTests
{
    [Fact]
    public void ColumnCounts_CountsStoredEntriesPerColumn_EmptyColumnsZero()
    {
        // Rows {0, 2}, {2}, {}, {0, 2, 3}: column 0 twice, 1 never, 2 three times, 3 once (explicit zeros count too).
        var sut = CsrMatrix.FromTriples(4, 5, [0, 0, 1, 3, 3, 3], [0, 2, 2, 0, 2, 3], [1f, 2f, 0f, 4f, 5f, 6f]);

        Assert.Equal([2, 0, 3, 1, 0], sut.ColumnCounts());
    }

    [Fact]
    public void ColumnCounts_BuildWithSlack_CountsOnlyTheNonZeros()
    {
        // Two duplicates of (0, 1) collapse into one entry; the arrays keep slack past NonZeros.
        var sut = CsrMatrix.FromTriples(2, 3, [0, 0, 1, 0], [1, 2, 1, 1], [1f, 1f, 1f, 1f]);

        Assert.Equal(3, sut.NonZeros);
        Assert.Equal([0, 2, 1], sut.ColumnCounts());
    }
}
