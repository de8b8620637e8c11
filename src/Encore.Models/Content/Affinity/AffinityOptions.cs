using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Content.Affinity;

/// <summary>How a user profile averages the vectors of the user's tracks.</summary>
public enum ProfileWeighting
{
    /// <summary>Plain mean: every track the user has counts once.</summary>
    Uniform,
    /// <summary>Mean weighted by the stored interaction value (play counts, event weights).</summary>
    Value,
}

/// <summary>Options of <see cref="AffinityTrainer"/> (SPEC S2: logistic regression on profile ⊕ track vector).</summary>
public sealed record AffinityOptions : ModelOptions
{
    private readonly double _negativeRatio = 1;
    private readonly double _holdout = 0.2;
    private readonly int _components;
    private readonly int _maxPositives = 200;
    private readonly double _l2 = 1;
    private readonly int _iterations = 100;

    /// <value>Sampled negatives (tracks the user never touched, seeded) per positive. Default 1; range (0, 100].</value>
    public double NegativeRatio
    {
        get => _negativeRatio;
        init { Guard.InRange(value, 1e-6, 100, nameof(NegativeRatio)); _negativeRatio = value; }
    }

    /// <value>Profile weighting. Default <see cref="ProfileWeighting.Uniform"/>.</value>
    public ProfileWeighting Weighting { get; init; } = ProfileWeighting.Uniform;

    /// <value>Share of the labelled rows held out for accuracy and ROC AUC. Default 0.2; range [0.05, 0.5].</value>
    public double HoldoutFraction
    {
        get => _holdout;
        init { Guard.InRange(value, 0.05, 0.5, nameof(HoldoutFraction)); _holdout = value; }
    }

    /// <value>PCA components of the track vectors; 0 (default) = full vectors.</value>
    public int Components
    {
        get => _components;
        init { Guard.NonNegative(value, nameof(Components)); _components = value; }
    }

    /// <value>Standardise the content columns before use. Default true.</value>
    public bool Standardise { get; init; } = true;

    /// <value>L2-normalise each track vector. Default true.</value>
    public bool L2Normalise { get; init; } = true;

    /// <value>Add the element-wise product profile ∘ track to the inputs, so the linear model can learn a
    /// weighted dot product (a personal ranking); off reproduces S2's plain concatenation. Default true.</value>
    public bool ProductFeatures { get; init; } = true;

    /// <value>Add the track's popularity, log(1 + users who have it) / log(1 + the most any track has) in [0, 1],
    /// as one more input, so the classifier ranks by taste on top of how widely a track is played (what S2's
    /// ranking use needs: with uniform negatives a content-only model cannot tell a hit from an obscure track
    /// of the same sound, and loses to plain popularity). Off = content only. Default true.</value>
    public bool PopularityFeature { get; init; } = true;

    /// <value>Positives sampled per user at most (heavy users would dominate otherwise). Default 200.</value>
    public int MaxPositivesPerUser
    {
        get => _maxPositives;
        init { Guard.Positive(value, nameof(MaxPositivesPerUser)); _maxPositives = value; }
    }

    /// <value>L2 regularisation weight of the logistic regression. Default 1; &gt;= 0.</value>
    public double L2Regularization
    {
        get => _l2;
        init { Guard.NonNegative(value, nameof(L2Regularization)); _l2 = value; }
    }

    /// <value>L-BFGS iteration limit. Default 100.</value>
    public int MaxIterations
    {
        get => _iterations;
        init { Guard.Positive(value, nameof(MaxIterations)); _iterations = value; }
    }

    internal ContentTransformOptions Transform => new() { Standardise = Standardise, L2Normalise = L2Normalise, Components = Components };
}
