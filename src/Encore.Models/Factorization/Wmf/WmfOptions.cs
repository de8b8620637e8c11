using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Wmf;

/// <summary>
/// Settings of SPEC S1's weighted matrix factorisation: preference p = [score >= <see cref="PreferenceThreshold"/>],
/// confidence c = 1 + <see cref="Alpha"/> ln(1 + score / <see cref="Epsilon"/>), solved by ALS, plus an optional
/// familiarity (repeat) term added to each user's already played tracks and an optional popularity prior added to
/// every track. Every value is checked when set.
/// </summary>
public sealed record WmfOptions : ModelOptions
{
    private readonly int _factors = 64;
    private readonly double _regularization = 0.01;
    private readonly double _alpha = 40;
    private readonly double _epsilon = 1e-8;
    private readonly double _preferenceThreshold = 1;
    private readonly int _iterations = 15;
    private readonly double _repeatWeight;
    private readonly double _popularityWeight;

    /// <value>Latent factors per user and track. Default 64.</value>
    public int Factors { get => _factors; init { Guard.InRange(value, 1, 4096, nameof(Factors)); _factors = value; } }

    /// <value>
    /// L2 penalty lambda on user and track factors (>= 0). 0.01 (the S1 author's) when set to nothing else; left unset, the
    /// trainer sets it to the mean confidence weight of a positive pair (<see cref="WmfRegularizationRule"/>, about 740 under
    /// SPEC S1's confidence); <c>evaluate --groups</c> (the S1 group protocol) keeps 0.01. To reproduce the author's model
    /// anywhere, set it: <c>--set wmf.regularization=0.01</c>.
    /// </value>
    public double Regularization { get => _regularization; init { Guard.NonNegative(value, nameof(Regularization)); _regularization = value; RegularizationGiven = true; } }

    /// <summary>True when <see cref="Regularization"/> was set by the caller, so the trainer uses it as it is.</summary>
    internal bool RegularizationGiven { get; private init; }

    /// <value>Confidence scale alpha in c = 1 + alpha ln(1 + score / eps) (>= 0). Default 40 (SPEC S1).</value>
    public double Alpha { get => _alpha; init { Guard.NonNegative(value, nameof(Alpha)); _alpha = value; } }

    /// <value>eps in the confidence (> 0). Default 1e-8 (SPEC S1).</value>
    public double Epsilon { get => _epsilon; init { Guard.Positive(value, nameof(Epsilon)); _epsilon = value; } }

    /// <value>A (user, track) score at least this is a positive preference (p = 1). Default 1 (SPEC S1).</value>
    public double PreferenceThreshold { get => _preferenceThreshold; init { Guard.Positive(value, nameof(PreferenceThreshold)); _preferenceThreshold = value; } }

    /// <value>ALS sweeps (users then tracks). Must be &gt;= 1 (0 would leave the random start). Default 15.</value>
    public int Iterations { get => _iterations; init { Guard.Positive(value, nameof(Iterations)); _iterations = value; } }

    /// <value>
    /// Familiarity term beta (>= 0): a played track's score gains beta ln(1 + score), so among tracks the factors
    /// rate alike the user's most played come first. Default 0 (pure SPEC S1). The S1 results use the value chosen
    /// on validation (bench/results/s1-groups-ium.md).
    /// </value>
    public double RepeatWeight { get => _repeatWeight; init { Guard.NonNegative(value, nameof(RepeatWeight)); _repeatWeight = value; } }

    /// <value>
    /// Popularity prior gamma (>= 0): every track's score gains gamma ln(1 + n_i), where n_i is the sum of the track's
    /// positive training scores over all users, so tracks the whole community keeps playing rise above tracks the
    /// factors rate alike. Default 0 (pure SPEC S1); the S1 results use the value chosen on validation.
    /// </value>
    public double PopularityWeight { get => _popularityWeight; init { Guard.NonNegative(value, nameof(PopularityWeight)); _popularityWeight = value; } }
}
