using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>w(u, i) = sqrt(s) * idf(u), items as documents and users as terms (<see cref="ItemDocumentStatistics"/>).</summary>
internal sealed class TfIdfTransform : ConfidenceTransform
{
    public override string Name => "tfidf";

    public override CsrMatrix Apply(CsrMatrix scores)
    {
        var stats = ItemDocumentStatistics.Of(scores);
        var values = scores.Values;
        var offsets = scores.Offsets;
        var result = new float[values.Length];
        for (var u = 0; u < scores.Rows; u++)
        {
            var idf = stats.UserIdf[u];
            for (var p = offsets[u]; p < offsets[u + 1]; p++)
                result[p] = values[p] > 0 ? (float)(Math.Sqrt(values[p]) * idf) : values[p]; // <= 0 stays: never a positive signal
        }
        return scores.WithValues(result);
    }
}
