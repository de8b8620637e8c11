using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Hierarchy;

/// <summary>Options of <see cref="HierarchyTrainer"/> (SPEC S4); the defaults are those of <c>evaluate --protocol six-candidate</c>.</summary>
public sealed record HierarchyOptions : ModelOptions
{
    private readonly double _priorStrength = 10;
    private readonly int _alsFactors = 32;
    private readonly int _alsIterations = 10;
    private readonly double _classifierShare = 0.7;
    private readonly int _trees = 100;
    private readonly int _leaves = 32;
    private readonly int _minimumPerLeaf = 20;
    private readonly double _learningRate = 0.1;
    private readonly int _classifierThreads = 1;

    /// <value>What scores: a strategy (max-genre, weighted, weighted-bayes-siblings, adaptive, learned-fallback), a classifier
    /// (logistic, decision-tree, random-forest, boosted-trees, lightgbm) or the ensemble. Default auto: the ensemble when
    /// the training data carries validation lists, else adaptive.</value>
    public HierarchyPredictor Predictor { get; init; } = HierarchyPredictor.Auto;

    /// <value>How the strategies' Bayesian prior is set: validated (default; C per level and the prior mean chosen on the
    /// validation lists by <see cref="PriorSelection"/>, fixed when there are none) or fixed (SPEC S4: <see cref="PriorStrength"/> at every level, prior mean M).</value>
    public PriorFit PriorFit { get; init; } = PriorFit.Validated;

    /// <value>How adaptive (and the learned fallback's evidence branch) puts the rated levels on one scale: validated (default;
    /// chosen among raw, level-deviation and level-z on the validation lists by <see cref="AdaptiveScaleSelection"/>, raw when there
    /// are none), raw (SPEC S4's raw ratings), level-deviation or level-z (<see cref="LevelScale"/>).</value>
    public AdaptiveScale AdaptiveScale { get; init; } = AdaptiveScale.Validated;

    /// <value>Adaptive's evidence confidence lambda, the weight factor of a level the user did not rate (<see cref="LevelScale.PriorConfidence"/>):
    /// "validated" (default; chosen with the adaptive scale on the validation lists by <see cref="PriorConfidenceSelection"/> from
    /// <see cref="PriorConfidenceNames.Grid"/>, 0 when there are none) or a number in [0, 1] (0 = SPEC S4's strict adaptive, 1 in the raw
    /// form = weighted+bayes+siblings).</value>
    /// <exception cref="ArgumentException">Neither "validated" nor a number in [0, 1].</exception>
    public string PriorConfidence
    {
        get => PriorConfidenceNames.Format(FixedPriorConfidence);
        init => FixedPriorConfidence = PriorConfidenceNames.Parse(value);
    }

    /// <summary>The lambda <see cref="PriorConfidence"/> fixes, or null for "validated".</summary>
    public double? FixedPriorConfidence { get; private init; }

    /// <value>SPEC S4's C of the Bayesian score mu_i = (N_i mean_i + C M) / (N_i + C), in ratings: the classifiers' input
    /// features always use it, the strategies with prior-fit=fixed or without validation lists. Default 10; range [0, 1e6].</value>
    public double PriorStrength { get => _priorStrength; init => _priorStrength = Checked(value, 0, 1e6, nameof(PriorStrength)); }

    /// <value>Latent factors of the flat ALS model (learned fallback and classifier feature). Default 32; range [1, 1024].</value>
    public int AlsFactors { get => _alsFactors; init => _alsFactors = Checked(value, 1, 1024, nameof(AlsFactors)); }

    /// <value>ALS sweeps. Default 10; range [1, 100].</value>
    public int AlsIterations { get => _alsIterations; init => _alsIterations = Checked(value, 1, 100, nameof(AlsIterations)); }

    /// <value>Share of the validation lists that train the classifiers; the rest learn the ensemble weights. Default 0.7; range [0.1, 0.9].</value>
    public double ClassifierShare { get => _classifierShare; init => _classifierShare = Checked(value, 0.1, 0.9, nameof(ClassifierShare)); }

    /// <value>Trees of the forest and the boosted models. Default 100; range [1, 10000].</value>
    public int Trees { get => _trees; init => _trees = Checked(value, 1, 10_000, nameof(Trees)); }

    /// <value>Leaves per tree. Default 32; range [2, 4096].</value>
    public int Leaves { get => _leaves; init => _leaves = Checked(value, 2, 4096, nameof(Leaves)); }

    /// <value>Minimum training candidates per leaf. Default 20; at least 1.</value>
    public int MinimumPerLeaf { get => _minimumPerLeaf; init { Guard.Positive(value, nameof(MinimumPerLeaf)); _minimumPerLeaf = value; } }

    /// <value>Learning rate of the boosted models. Default 0.1; range [1e-6, 1].</value>
    public double LearningRate { get => _learningRate; init => _learningRate = Checked(value, 1e-6, 1.0, nameof(LearningRate)); }

    /// <value>Threads of the ML.NET learners; 0 = ML.NET's default. Default 1 (repeatable, and LightGBM's workers spin on a busy machine).</value>
    public int ClassifierThreads { get => _classifierThreads; init { Guard.NonNegative(value, nameof(ClassifierThreads)); _classifierThreads = value; } }

    /// <summary>The one range check of the bounded settings: <paramref name="value"/> when it lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range; the message names the setting <paramref name="name"/>.</exception>
    private static int Checked(int value, int min, int max, string name)
    {
        Guard.InRange(value, min, max, name);
        return value;
    }

    /// <inheritdoc cref="Checked(int, int, int, string)"/>
    private static double Checked(double value, double min, double max, string name)
    {
        Guard.InRange(value, min, max, name);
        return value;
    }

    /// <summary>The ML.NET learner settings these options give.</summary>
    public ClassifierOptions Classifiers => new()
    {
        Trees = Trees,
        Leaves = Leaves,
        MinimumPerLeaf = MinimumPerLeaf,
        LearningRate = LearningRate,
        Threads = ClassifierThreads,
        Seed = Seed,
    };
}
