using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Lmf;

/// <summary>
/// Settings of logistic matrix factorisation with sampled negatives (Johnson 2014; SPEC S5's embedding
/// model). Every value is checked when set.
/// </summary>
public sealed record LmfOptions : ModelOptions
{
    private readonly int _factors = 64;
    private readonly double _learningRate = 0.05;
    private readonly double _regularization = 0.01;
    private readonly int _iterations = 30;
    private readonly int _negativeSamples = 5;
    private readonly double _alpha;

    /// <value>Latent factors (user and item biases are added on top). Default 64.</value>
    public int Factors { get => _factors; init { Guard.InRange(value, 1, 4096, nameof(Factors)); _factors = value; } }

    /// <value>Adagrad base step size. Default 0.05.</value>
    public double LearningRate { get => _learningRate; init { Guard.Positive(value, nameof(LearningRate)); _learningRate = value; } }

    /// <value>L2 penalty on the factors and biases touched by each step. Default 0.01.</value>
    public double Regularization { get => _regularization; init { Guard.NonNegative(value, nameof(Regularization)); _regularization = value; } }

    /// <value>Epochs over all positives. Must be &gt;= 1 (0 would leave the random start). Default 30.</value>
    public int Iterations { get => _iterations; init { Guard.Positive(value, nameof(Iterations)); _iterations = value; } }

    /// <value>Sampled negatives per positive (uniform over items the user has not interacted with). Default 5.</value>
    public int NegativeSamples { get => _negativeSamples; init { Guard.InRange(value, 1, 1000, nameof(NegativeSamples)); _negativeSamples = value; } }

    /// <value>Weight of a positive: 1 + Alpha * value (Johnson's confidence). Default 0: every positive weighs 1.</value>
    public double Alpha { get => _alpha; init { Guard.NonNegative(value, nameof(Alpha)); _alpha = value; } }
}
