using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Neighbourhood;

/// <summary>Settings shared by item-kNN and user-kNN: weighting, neighbourhood size and shrinkage.</summary>
public abstract record KnnOptions : ModelOptions
{
    private readonly int _neighbours = 100;
    private readonly float _shrink;
    private readonly float _bm25K1 = 100f;
    private readonly float _bm25B = 0.8f;

    /// <value>
    /// Treat every interaction as 1, for the similarities and for scoring (training rows and request-time
    /// histories). Default true: cosine over raw play counts lets a few heavy listeners dominate (HetRec
    /// holdout NDCG@10 0.05 on raw counts vs 0.20 binary). Set false to let BM25 / TF-IDF see the counts.
    /// </value>
    public bool BinaryInput { get; init; } = true;

    /// <value>Weighting applied before the cosine. Default <see cref="SimilarityKind.Cosine"/>.</value>
    public SimilarityKind Similarity { get; init; } = SimilarityKind.Cosine;

    /// <value>Neighbours kept per row (top-K by similarity, the row itself excluded). Default 100; search range 10..3000.</value>
    public int Neighbours
    {
        get => _neighbours;
        init { Guard.Positive(value, nameof(Neighbours)); _neighbours = value; }
    }

    /// <value>
    /// Shrinkage added to the cosine denominator: dot / (|a||b| + shrink) (Koren, "Factor in the neighbors", TKDD 2010,
    /// section 2.2: similarities built on few co-raters are pulled towards 0). Default 10 for item-kNN, 0 for user-kNN;
    /// search range 0..100.
    /// </value>
    public float Shrink
    {
        get => _shrink;
        init { Guard.NonNegative(value, nameof(Shrink)); _shrink = value; }
    }

    /// <value>BM25 term-frequency saturation K1. Default 100 (as implicit); search range 1..1000.</value>
    public float Bm25K1
    {
        get => _bm25K1;
        init { Guard.Positive(value, nameof(Bm25K1)); _bm25K1 = value; }
    }

    /// <value>BM25 length normalisation B in [0, 1]. Default 0.8.</value>
    public float Bm25B
    {
        get => _bm25B;
        init { Guard.InRange(value, 0, 1, nameof(Bm25B)); _bm25B = value; }
    }
}

/// <summary>Options of <see cref="ItemKnnTrainer"/>.</summary>
public sealed record ItemKnnOptions : KnnOptions
{
    /// <summary>
    /// Default <see cref="KnnOptions.Shrink"/> of item-kNN. Without it, two tracks that share their one or two listeners
    /// have cosine 1 and crowd out every well-supported neighbour; 10 lifted NDCG@10 on every kind of data tried
    /// (bench/results/defaults-s14.md: HetRec 0.1991 -> 0.2179, synthetic peers split 0.1813 -> 0.1874, IUM 2023, piki,
    /// a sparse binary table 0.041 -> 0.137), while user-kNN was level (0.1980 -> 0.1978 on HetRec), so it keeps 0.
    /// </summary>
    public const float DefaultShrink = 10f;

    /// <summary>Item-kNN options with the defaults (<see cref="DefaultShrink"/>).</summary>
    public ItemKnnOptions() => Shrink = DefaultShrink;
}

/// <summary>Options of <see cref="UserKnnTrainer"/>.</summary>
public sealed record UserKnnOptions : KnnOptions;
