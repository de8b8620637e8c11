using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Playlists;

/// <summary>
/// Settings of <see cref="PlaylistCombinedTrainer"/>: the playlist-kNN pool (SPEC S5's baseline) and the embedding
/// model that re-scores it (logistic matrix factorisation with sampled negatives, as <c>lmf</c>). Every value is
/// checked when set; the defaults are the two parts' own defaults.
/// </summary>
public sealed record PlaylistCombinedOptions : ModelOptions
{
    private readonly int _neighbours = 5;
    private readonly int _factors = 64;
    private readonly double _learningRate = 0.05;
    private readonly double _regularization = 0.01;
    private readonly int _iterations = 30;
    private readonly int _negativeSamples = 5;
    private readonly double _alpha;

    /// <value>Most similar playlists (Dice) whose tracks form the pool. Default 5 (SPEC S5's baseline); range 1..10000.</value>
    public int Neighbours { get => _neighbours; init { Guard.InRange(value, 1, 10_000, nameof(Neighbours)); _neighbours = value; } }

    /// <value>
    /// Rank the tracks outside the pool below it by the embedding score (true, default: full lists), or leave them out
    /// (false: the list ends with the pool, as S5's baseline did).
    /// </value>
    public bool FillWithEmbedding { get; init; } = true;

    /// <value>Embedding dimensions (biases added on top). Default 64.</value>
    public int Factors { get => _factors; init { Guard.InRange(value, 1, 4096, nameof(Factors)); _factors = value; } }

    /// <value>Adagrad base step size of the embedding model. Default 0.05.</value>
    public double LearningRate { get => _learningRate; init { Guard.Positive(value, nameof(LearningRate)); _learningRate = value; } }

    /// <value>L2 penalty of the embedding model. Default 0.01.</value>
    public double Regularization { get => _regularization; init { Guard.NonNegative(value, nameof(Regularization)); _regularization = value; } }

    /// <value>Embedding epochs over all positives. Must be &gt;= 1 (0 would leave the random start). Default 30.</value>
    public int Iterations { get => _iterations; init { Guard.Positive(value, nameof(Iterations)); _iterations = value; } }

    /// <value>Sampled negatives per positive (uniform over tracks not in the playlist). Default 5.</value>
    public int NegativeSamples { get => _negativeSamples; init { Guard.InRange(value, 1, 1000, nameof(NegativeSamples)); _negativeSamples = value; } }

    /// <value>Weight of a positive: 1 + Alpha * value. Default 0 (every positive weighs 1).</value>
    public double Alpha { get => _alpha; init { Guard.NonNegative(value, nameof(Alpha)); _alpha = value; } }
}
