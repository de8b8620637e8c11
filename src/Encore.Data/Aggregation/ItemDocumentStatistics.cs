using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>
/// Statistics of a users x items matrix read as a corpus whose documents are items and whose terms are
/// users (the item x user convention of item-kNN weighting): idf per user and length per item.
/// </summary>
internal sealed class ItemDocumentStatistics
{
    private ItemDocumentStatistics(double[] userIdf, double[] itemLength, double averageLength)
    {
        UserIdf = userIdf;
        ItemLength = itemLength;
        AverageLength = averageLength;
    }

    /// <summary>idf(u) = ln(N) - ln(1 + df(u)); N = number of items, df(u) = items stored in row u.</summary>
    public double[] UserIdf { get; }

    /// <summary>len(i) = sum over users of s(u, i).</summary>
    public double[] ItemLength { get; }

    /// <summary>Mean of len(i) over all N items (empty items included).</summary>
    public double AverageLength { get; }

    public static ItemDocumentStatistics Of(CsrMatrix m)
    {
        var n = m.Columns;
        var logN = n > 0 ? Math.Log(n) : 0.0;
        var idf = new double[m.Rows];
        for (var u = 0; u < m.Rows; u++) idf[u] = logN - Math.Log(1.0 + m.RowLength(u));
        var length = new double[n];
        var columns = m.ColumnIndices;
        var values = m.Values;
        var total = 0.0;
        for (var p = 0; p < columns.Length; p++)
        {
            length[columns[p]] += values[p];
            total += values[p];
        }
        return new ItemDocumentStatistics(idf, length, n > 0 ? total / n : 0.0);
    }
}
