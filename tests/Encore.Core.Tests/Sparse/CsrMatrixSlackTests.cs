using Encore.Core.Sparse;

namespace Encore.Core.Tests.Sparse;

// A build with few duplicates keeps slack at the end of its arrays instead of copying them; every
// view must still show exactly NonZeros entries.
public sealed class CsrMatrixSlackTests
{
    [Fact]
    public void FromTriples_FewDuplicates_ViewsAreSlicedToNonZeros()
    {
        var rows = new int[100];
        var cols = new int[100];
        var vals = new float[100];
        for (var i = 0; i < 99; i++)
        {
            rows[i] = i / 10;
            cols[i] = (i * 7) % 10;
            vals[i] = i;
        }
        rows[99] = 0; cols[99] = 0; vals[99] = 1000; // one duplicate of (0, 0)

        var sut = CsrMatrix.FromTriples(10, 10, rows, cols, vals);

        Assert.Equal(99, sut.NonZeros);
        Assert.Equal(99, sut.ColumnIndices.Length);
        Assert.Equal(99, sut.Values.Length);
        Assert.Equal(1000f + 0f, sut.Get(0, 0));
        var back = sut.Transpose().Transpose();
        Assert.Equal(sut.Offsets.ToArray(), back.Offsets.ToArray());
        Assert.Equal(sut.ColumnIndices.ToArray(), back.ColumnIndices.ToArray());
        Assert.Equal(sut.Values.ToArray(), back.Values.ToArray());
        Assert.Equal(99, sut.MapValues(v => v * 2).Values.Length);
    }
}
