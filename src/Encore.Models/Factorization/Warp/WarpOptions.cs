using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Warp;

/// <summary>
/// Settings of WARP, the weighted approximate-rank pairwise loss (Weston, Bengio &amp; Usunier 2011), with LightFM's
/// defaults where LightFM has one. Every value is checked when set.
/// </summary>
public sealed record WarpOptions : ModelOptions
{
    private readonly int _factors = 64;
    private readonly double _learningRate = 0.05;
    private readonly double _regularization;
    private readonly int _iterations = 30;
    private readonly int _maxSampled = 10;
    private readonly WarpWeighting _weighting = WarpWeighting.Binary;

    /// <value>Latent factors (an item bias is added on top). Range 1..4096. Default 64.</value>
    public int Factors { get => _factors; init { Guard.InRange(value, 1, 4096, nameof(Factors)); _factors = value; } }

    /// <value>Adagrad base step size (LightFM's default schedule and rate). Must be &gt; 0. Default 0.05.</value>
    public double LearningRate { get => _learningRate; init { Guard.Positive(value, nameof(LearningRate)); _learningRate = value; } }

    /// <value>
    /// L2 penalty added to the gradient of every row a step touches (the user row, the two item rows and their biases).
    /// Must be &gt;= 0. Default 0 (LightFM's item_alpha and user_alpha).
    /// </value>
    public double Regularization { get => _regularization; init { Guard.NonNegative(value, nameof(Regularization)); _regularization = value; } }

    /// <value>Epochs; each visits every training positive once. Must be &gt;= 1 (0 would leave the random start). Default 30.</value>
    public int Iterations { get => _iterations; init { Guard.Positive(value, nameof(Iterations)); _iterations = value; } }

    /// <value>
    /// Most negatives drawn per positive while looking for one that violates the margin (s_uj &gt; s_ui - 1); no step when
    /// none does. Range 1..100000. Default 10 (LightFM's max_sampled).
    /// </value>
    public int MaxSampled { get => _maxSampled; init { Guard.InRange(value, 1, 100_000, nameof(MaxSampled)); _maxSampled = value; } }

    /// <value>How a positive weighs in the loss: <see cref="WarpWeighting.Binary"/> (default) or <see cref="WarpWeighting.Value"/>.</value>
    public WarpWeighting Weighting
    {
        get => _weighting;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(Weighting), value, "Weighting must be Binary or Value.");
            _weighting = value;
        }
    }
}
