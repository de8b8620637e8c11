namespace Encore.Models.Neighbourhood;

/// <summary>How rows are weighted before the cosine between them is taken (formulas in docs/models-knn.md).</summary>
public enum SimilarityKind
{
    /// <summary>Plain cosine on the values as given.</summary>
    Cosine,
    /// <summary>Cosine after Okapi BM25 weighting (saturated term frequency, length normalisation, idf).</summary>
    Bm25,
    /// <summary>Cosine after TF-IDF weighting (sqrt term frequency times idf).</summary>
    TfIdf,
}
