using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>
/// w(u, i) = s (K1 + 1) / (K1 ((1 - B) + B len(i) / avglen) + s) * idf(u), with items as documents and
/// users as terms (<see cref="ItemDocumentStatistics"/>).
/// </summary>
internal sealed class Bm25Transform(double k1, double b) : ConfidenceTransform
{
    public override string Name => FormattableString.Invariant($"bm25(k1={k1}, b={b})");

    public override CsrMatrix Apply(CsrMatrix scores)
    {
        var stats = ItemDocumentStatistics.Of(scores);
        var average = stats.AverageLength;
        var columns = scores.ColumnIndices;
        var values = scores.Values;
        var offsets = scores.Offsets;
        var result = new float[values.Length];
        for (var u = 0; u < scores.Rows; u++)
        {
            var idf = stats.UserIdf[u];
            for (var p = offsets[u]; p < offsets[u + 1]; p++)
            {
                var s = values[p];
                if (!(s > 0))
                {
                    result[p] = s; // a total <= 0 stays what it is: seen, never a positive signal
                    continue;
                }
                // An all-zero matrix has no average length; every document then counts as average.
                var ratio = average > 0 ? stats.ItemLength[columns[p]] / average : 1.0;
                var norm = (1.0 - b) + b * ratio;
                var denominator = k1 * norm + s;
                result[p] = denominator > 0 ? (float)(s * (k1 + 1.0) / denominator * idf) : 0f;
            }
        }
        return scores.WithValues(result);
    }
}
