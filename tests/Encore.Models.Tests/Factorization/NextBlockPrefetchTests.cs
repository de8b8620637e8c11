using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

public sealed class NextBlockPrefetchTests
{
    [Theory]
    [InlineData(1, 1000, 4)]
    [InlineData(3, 1000, 7)]
    [InlineData(5, 1000, 1)]
    [InlineData(5, 6, 3)] // fewer rows than the next block's nonzeros: only the capacity is requested
    [InlineData(5, 1000, 500)] // more passes than rows: one row a pass, then nothing
    public void Issue_RequestsTheNextBlocksRowsInSlices_AllOfThemAfterTheLastPass(int count, int capacity, int passes)
    {
        var (matrix, factors, _) = AlsHalfStepTests.Problem(rows: 20, columns: 30, 16);
        const int first = 8;
        var nonZeros = Enumerable.Range(first, count).Sum(matrix.RowLength);
        Assert.True(nonZeros > 6);
        var prefetch = new NextBlockPrefetch(factors, default, 16, matrix, first, count, capacity, passes);
        var rows = Math.Min(capacity, nonZeros);
        Assert.Equal(rows, prefetch.Rows);

        var perPass = (rows + passes - 1) / passes;
        for (var pass = 1; pass <= passes; pass++)
        {
            prefetch.Issue();
            Assert.Equal(Math.Min(rows, pass * perPass), prefetch.Requested);
        }
        prefetch.Issue();

        Assert.Equal(rows, prefetch.Requested);
    }

    [Fact]
    public void NoNextBlock_RequestsNothing()
    {
        var (matrix, factors, _) = AlsHalfStepTests.Problem(rows: 20, columns: 30, 16);
        var bits = new ushort[factors.Length];
        var prefetch = new NextBlockPrefetch(factors, bits, 16, matrix, 20, 0, 100, 4);

        prefetch.Issue();

        Assert.Equal(0, prefetch.Rows);
        Assert.Equal(0, prefetch.Requested);
    }

    [Theory]
    [InlineData(18, 3)]
    [InlineData(-1, 2)]
    public void RowsPastTheMatrix_Throw(int first, int count)
    {
        var (matrix, factors, _) = AlsHalfStepTests.Problem(rows: 20, columns: 30, 16);

        var error = Assert.Throws<ArgumentException>(() => { _ = new NextBlockPrefetch(factors, default, 16, matrix, first, count, 100, 4); });

        Assert.Contains("20 rows", error.Message);
    }
}
