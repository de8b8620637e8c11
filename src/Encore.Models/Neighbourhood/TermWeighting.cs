using Encore.Core.Sparse;

namespace Encore.Models.Neighbourhood;

/// <summary>
/// Weights a documents x terms matrix (items x users for item-kNN, users x items for user-kNN) before
/// cosine: idf(t) = ln(N) - ln(1 + df(t)); TF-IDF: sqrt(x) * idf; BM25: x (K1 + 1) / (K1 L(d) + x) * idf
/// with L(d) = (1 - B) + B |d| / mean |d| (|d| = row sum). Keeps its statistics so a request-time row
/// (a new user's history) is weighted exactly as training rows were.
/// </summary>
internal sealed class TermWeighting
{
    private readonly float[] _idf;
    private readonly float _averageLength;
    private readonly float _k1;
    private readonly float _b;

    private TermWeighting(SimilarityKind kind, float[] idf, float averageLength, float k1, float b)
    {
        Kind = kind;
        _idf = idf;
        _averageLength = averageLength;
        _k1 = k1;
        _b = b;
    }

    public SimilarityKind Kind { get; }

    public static TermWeighting Fit(CsrMatrix documents, KnnOptions options)
    {
        var df = documents.ColumnCounts();
        var idf = new float[documents.Columns];
        var logN = Math.Log(Math.Max(1, documents.Rows));
        for (var t = 0; t < idf.Length; t++) idf[t] = (float)(logN - Math.Log(1.0 + df[t]));
        double total = 0;
        foreach (var v in documents.Values) total += v;
        var average = documents.Rows > 0 ? (float)(total / documents.Rows) : 1f;
        return new TermWeighting(options.Similarity, idf, average > 0 ? average : 1f, options.Bm25K1, options.Bm25B);
    }

    /// <summary>Weights one document row into <paramref name="weighted"/> (same length as the row).</summary>
    public void WeightRow(ReadOnlySpan<int> terms, ReadOnlySpan<float> values, Span<float> weighted)
    {
        switch (Kind)
        {
            case SimilarityKind.TfIdf:
                for (var p = 0; p < terms.Length; p++) weighted[p] = MathF.Sqrt(Math.Max(0f, values[p])) * Idf(terms[p]);
                break;
            case SimilarityKind.Bm25:
                var length = 0f;
                foreach (var v in values) length += v;
                var norm = _k1 * ((1 - _b) + _b * length / _averageLength);
                for (var p = 0; p < terms.Length; p++) weighted[p] = values[p] * (_k1 + 1) / (norm + values[p]) * Idf(terms[p]);
                break;
            default:
                values.CopyTo(weighted);
                break;
        }
    }

    public CsrMatrix WeightMatrix(CsrMatrix documents)
    {
        if (Kind == SimilarityKind.Cosine) return documents;
        var values = new float[documents.NonZeros];
        for (var d = 0; d < documents.Rows; d++)
            WeightRow(documents.RowIndices(d), documents.RowValues(d), values.AsSpan(documents.Offsets[d], documents.RowLength(d)));
        return documents.WithValues(values);
    }

    // A term outside the training columns carries no information about neighbours: weight 0.
    private float Idf(int term) => (uint)term < (uint)_idf.Length ? _idf[term] : 0f;
}
