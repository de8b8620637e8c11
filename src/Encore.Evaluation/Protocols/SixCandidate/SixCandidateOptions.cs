using Encore.Core.Errors;
using Encore.Data.Model;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>Settings of the SPEC S4 six-candidate protocol and of the models it compares.</summary>
public sealed record SixCandidateOptions
{
    /// <summary>A track rating at or above this is "liked" (default 80 on 0..100).</summary>
    public float Threshold { get; init; } = 80f;

    /// <summary>Seed of the test split, the validation split, the ALS models, the classifiers and the bootstrap.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// Use the dataset's labelled candidate lists (e.g. a KDD test file with a label column) as the test set
    /// instead of drawing one; every rating is then training data. Default false.
    /// </summary>
    public bool UseGivenCandidates { get; init; }

    /// <summary>At most this many users get a validation list (drawn with the seed). Default 5,000.</summary>
    public int ValidationUsers { get; init; } = 5_000;

    /// <summary>Share of the validation users whose candidates train the classifiers; the rest learn the ensemble weights. Default 0.7.</summary>
    public double ClassifierShare { get; init; } = 0.7;

    /// <summary>
    /// How the strategies' Bayesian prior is set: <see cref="PriorFit.Validated"/> (default: C per level and the prior
    /// mean chosen on the validation lists by <see cref="PriorSelection"/>) or <see cref="PriorFit.Fixed"/> (SPEC S4's
    /// formula with <see cref="PriorStrength"/> at every level and prior mean M).
    /// </summary>
    public PriorFit PriorFit { get; init; } = PriorFit.Validated;

    /// <summary>
    /// How adaptive (and the learned fallback's evidence branch) puts the rated levels on one scale: <see cref="AdaptiveScale.Validated"/>
    /// (default: chosen among raw, level-deviation and level-z on the validation lists by <see cref="AdaptiveScaleSelection"/>),
    /// or one form (<see cref="AdaptiveScale.Raw"/> is SPEC S4's).
    /// </summary>
    public AdaptiveScale AdaptiveScale { get; init; } = AdaptiveScale.Validated;

    /// <summary>
    /// Adaptive's evidence confidence lambda, the weight factor of a level the user did not rate (<see cref="LevelScale.PriorConfidence"/>):
    /// null (default) = chosen jointly with the scale form on the validation lists by <see cref="PriorConfidenceSelection"/>; a number
    /// in [0, 1] fixes it (0 = SPEC S4's strict adaptive). <c>adaptive-strict</c> is always scored at lambda 0 beside it.
    /// </summary>
    public double? PriorConfidence { get; init; }

    /// <summary>SPEC S4's C of the Bayesian score mu_i = (N_i mean_i + C M) / (N_i + C): the classifier features' always, the strategies' with <see cref="PriorFit.Fixed"/>. Default 10.</summary>
    public double PriorStrength { get; init; } = 10;

    /// <summary>ALS latent factors (flat and per-level models). Default 32.</summary>
    public int AlsFactors { get; init; } = 32;

    /// <summary>ALS sweeps. Default 10.</summary>
    public int AlsIterations { get; init; } = 10;

    /// <summary>Settings of the ML.NET classifiers.</summary>
    public ClassifierOptions Classifiers { get; init; } = new();

    /// <summary>Where the track ratings come from (default <see cref="RatingSource.Auto"/>: explicit ratings, else derived from interactions).</summary>
    public RatingSource Ratings { get; init; } = RatingSource.Auto;

    /// <summary>
    /// Also measure the classifiers with catalogue-wide instead of per-list z-score features (<see cref="CatalogueZScores"/>,
    /// what ranking the whole catalogue gives them). Default false (it scores 1,000 extra tracks per test user).
    /// </summary>
    public bool CatalogueZ { get; init; }

    /// <summary>Models to report (names from <see cref="SixCandidateModels.All"/>); empty = all.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <exception cref="ArgumentException">A field out of range or an unknown model name.</exception>
    public void Validate()
    {
        // Ratings are on 0..100 (KDD Cup; derived ratings too): at 0 or below every rated track would be "liked", above 100 none.
        if (!(Threshold > 0 && Threshold <= 100)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Threshold must be in (0, 100], the ratings' 0..100 scale.");
        Guard.Positive(ValidationUsers);
        Guard.InRange(ClassifierShare, 0.1, 0.9);
        Guard.NonNegative(PriorStrength);
        if (!Enum.IsDefined(AdaptiveScale)) throw new ArgumentOutOfRangeException(nameof(AdaptiveScale), AdaptiveScale, "AdaptiveScale must be validated, raw, level-deviation or level-z.");
        if (PriorConfidence is { } lambda) PriorConfidenceNames.Check(lambda);
        Guard.InRange(AlsFactors, 1, 1024);
        Guard.InRange(AlsIterations, 1, 100);
        Classifiers.Validate();
        foreach (var m in Models)
            if (!SixCandidateModels.All.Contains(m, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"unknown six-candidate model '{m}'; use {string.Join(", ", SixCandidateModels.All)} or all.");
    }

    /// <summary>Text that says everything that changes the numbers.</summary>
    public string Label(bool given) => (given
        ? $"six-candidate given labelled lists (3 liked + 3 not per user), validation carved from train seed {Seed}"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"six-candidate threshold {Threshold:0.##} (3 liked hidden + 3 never-rated drawn by high-rating count) seed {Seed}"))
        + (Ratings == RatingSource.Interactions ? $"; {DerivedRatings.Description}" : "");

    /// <summary>
    /// These options with <see cref="RatingSource.Auto"/> resolved for <paramref name="dataset"/>, and the dataset
    /// the protocol runs on (with derived ratings when <see cref="RatingSource.Interactions"/>).
    /// </summary>
    public (SixCandidateOptions Options, MusicDataset Dataset) Resolve(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var source = Ratings;
        if (source == RatingSource.Auto)
            source = Array.Exists(dataset.Ratings.Levels, l => l == EntityLevel.Track) ? RatingSource.Explicit : RatingSource.Interactions;
        return source == RatingSource.Interactions
            ? (this with { Ratings = source }, DerivedRatings.WithRatings(dataset, DerivedRatings.FromInteractions(dataset)))
            : (this with { Ratings = source }, dataset);
    }
}
