using Encore.Core.Sparse;

namespace Encore.Core.Tests.Sparse;

/// <summary>Compares a matrix with a hand-written CSR layout, array by array, so a failure shows which part differs.</summary>
internal static class CsrAssert
{
    public static void Layout(int rows, int columns, int[] offsets, int[] columnIndices, float[] values, CsrMatrix actual)
    {
        Assert.Equal(rows, actual.Rows);
        Assert.Equal(columns, actual.Columns);
        Assert.Equal(offsets, actual.Offsets.ToArray());
        Assert.Equal(columnIndices, actual.ColumnIndices.ToArray());
        Assert.Equal(values, actual.Values.ToArray());
        Assert.Equal(columnIndices.Length, actual.NonZeros);
    }

    public static void SameMatrix(CsrMatrix expected, CsrMatrix actual) =>
        Layout(expected.Rows, expected.Columns, expected.Offsets.ToArray(), expected.ColumnIndices.ToArray(),
            expected.Values.ToArray(), actual);
}
