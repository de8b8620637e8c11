using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Als;

/// <summary>Settings of implicit-feedback ALS (weighted matrix factorisation). Every value is checked when set.</summary>
public sealed record AlsOptions : ModelOptions
{
    private readonly int _factors = 64;
    /// <summary>The fixed penalty: <see cref="Regularization"/>'s default, and the cap's upper end (<see cref="AlsRegularizationRule"/>).</summary>
    public const double DefaultRegularization = 20;

    private readonly double _regularization = DefaultRegularization;
    private readonly double _alpha = 1.0;
    private readonly int _iterations = 15;
    private readonly int _cgSteps = 3;
    private readonly AlsSolver _solver = AlsSolver.ConjugateGradient;
    private readonly GatherPrecision _gatherPrecision = GatherPrecision.BFloat16;
    private readonly double _frequencyScaling;
    private readonly FrequencyBasis _frequencyBasis = FrequencyBasis.Observed;
    private readonly double _social;

    /// <value>Latent factors per user and item. Default 64.</value>
    public int Factors { get => _factors; init { Guard.InRange(value, 1, 4096, nameof(Factors)); _factors = value; } }

    /// <value>L2 penalty lambda on user and item factors. Default 20 (with log1p confidence: HetRec NDCG@10 0.239 against 0.224 at 0.01; implicit's own default is 0.01); search range of `encore tune` 1..300.
    /// Left unset, the trainer caps it at the confidence mass of a mean user row (<see cref="AlsRegularizationRule"/>), so tiny
    /// rows are not drowned by the penalty; setting it (to 20 too) turns the cap off.</value>
    public double Regularization { get => _regularization; init { Guard.NonNegative(value, nameof(Regularization)); _regularization = value; RegularizationGiven = true; } }

    /// <summary>True when <see cref="Regularization"/> was set by the caller, so the trainer uses it as it is.</summary>
    internal bool RegularizationGiven { get; private init; }

    /// <value>
    /// Exponent nu of the frequency-scaled regularisation (Rendle et al. 2021): row r's penalty is
    /// Regularization * ((n_r + 1) / (mean n + 1))^nu, n_r its observed entries; 0-1. Default 0 (the same lambda for every row).
    /// </value>
    public double FrequencyScaling { get => _frequencyScaling; init { Guard.InRange(value, 0, 1, nameof(FrequencyScaling)); _frequencyScaling = value; } }

    /// <value>
    /// What <see cref="FrequencyScaling"/> counts per row: <see cref="FrequencyBasis.Observed"/> (default; n_r + 1) or
    /// <see cref="FrequencyBasis.Mass"/> (the row's confidence mass, columns + sum (c - 1): the paper's form). No effect
    /// while FrequencyScaling is 0.
    /// </value>
    public FrequencyBasis FrequencyBasis
    {
        get => _frequencyBasis;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(FrequencyBasis), value, "FrequencyBasis must be Observed or Mass.");
            _frequencyBasis = value;
        }
    }

    /// <value>
    /// Social regularisation weight sigma (SocialMF, Jamali &amp; Ester 2010, adapted to implicit ALS; <see cref="SocialRegularization"/>):
    /// each user with links in the training data's side tables (<see cref="Contract.SideInformation.UserLinks"/>, e.g.
    /// Last.fm friendships) is pulled towards the mean of their friends' factors with this weight; >= 0. Default 0 (plain
    /// ALS, bit for bit). No effect when the data has no user links (e.g. `bench fit` on split files) or on users without links.
    /// </value>
    public double Social { get => _social; init { Guard.NonNegative(value, nameof(Social)); _social = value; } }

    /// <value>Confidence scale: c = 1 + Alpha * value. Default 1.0 (SPEC S1 suggests 40 for raw counts).</value>
    public double Alpha { get => _alpha; init { Guard.NonNegative(value, nameof(Alpha)); _alpha = value; } }

    /// <value>Full sweeps (users then items). Must be &gt;= 1 (0 would leave the random start). Default 15.</value>
    public int Iterations { get => _iterations; init { Guard.Positive(value, nameof(Iterations)); _iterations = value; } }

    /// <value>Conjugate-gradient steps per row and half-iteration. Default 3.</value>
    public int CgSteps { get => _cgSteps; init { Guard.InRange(value, 1, 1000, nameof(CgSteps)); _cgSteps = value; } }

    /// <value>Row solver. Default conjugate gradient.</value>
    public AlsSolver Solver
    {
        get => _solver;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(Solver), value, "Solver must be ConjugateGradient or Cholesky.");
            _solver = value;
        }
    }

    /// <value>
    /// Precision of the fixed factors that blocked conjugate gradient gathers when they are large
    /// (BFloat16 and Half: 4 MiB and up, <see cref="AlsHalfStep.HalfGatherFromBytes"/>; Single: 8 MiB and up,
    /// <see cref="AlsHalfStep.GatherFromBytes"/>): <see cref="GatherPrecision.BFloat16"/> reads a bfloat16 copy and keeps
    /// the gathered rows 16-bit (widened in registers by each CG pass, so each pass reads half the bytes; factor counts
    /// that are not a multiple of 32 take Half), <see cref="GatherPrecision.Half"/> a half-precision copy (refreshed each
    /// half-step, widened to float once by the gather); both halve the random bytes read, at a change of the factors beyond
    /// float rounding (NDCG@10 held: docs/models-als.md); <see cref="GatherPrecision.Single"/> reads the floats. Default
    /// BFloat16. No effect on the Cholesky solver, frequency scaling, social rows, factor counts that are not a
    /// multiple of 16, or fixed factors below that size (these read floats).
    /// </value>
    public GatherPrecision GatherPrecision
    {
        get => _gatherPrecision;
        init
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(GatherPrecision), value, "GatherPrecision must be Single, Half or BFloat16.");
            _gatherPrecision = value;
        }
    }

    /// <value>Compute the training loss each iteration for the progress report (costs about one extra half-iteration). Default false.</value>
    public bool CalculateLoss { get; init; }
}
