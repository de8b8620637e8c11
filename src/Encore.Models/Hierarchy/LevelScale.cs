namespace Encore.Models.Hierarchy;

/// <summary>
/// The per-level scales <see cref="StrategyScorer"/> needs to score adaptive's rated levels in an <see cref="AdaptiveScale"/>
/// form other than <see cref="AdaptiveScale.Raw"/>: per level the mean m_l and population standard deviation s_l of the
/// training ratings, the prior mean P_l a level the user did not rate falls to (the anchor), and the standard deviation S of
/// all training ratings. For a pair with evidence, with w_l SPEC S4's weights (0.4 / 0.3 / 0.3) over the levels present:
/// <code>
/// level-deviation: A + sum_rated w_l (x_l - m_l)           / sum_rated w_l
/// level-z:         A + S * sum_rated w_l (x_l - m_l) / s_l / sum_rated w_l
/// A = sum_present w_l P_l / sum_present w_l   (the score of a pair without evidence when no level is smoothed)
/// </code>
/// x_l is the user's rating of the level (the mean of the rated genres for genre); a sibling-filled album is placed on the
/// track level's scale (m_track, s_track), since sibling values are track ratings. A level with s_l = 0 (one value) divides
/// by 1. All statistics come from <see cref="LevelPriors"/>, i.e. from the training ratings only.
/// <para>
/// <see cref="PriorConfidence"/> (lambda in [0, 1]) weighs the levels the user did not rate: each present level's weight w_l is
/// multiplied by its evidence confidence c_l (1 for a rated level, a sibling-filled album included; lambda for a level that falls
/// to its Bayesian / global prior stand-in) and the weights are renormalised over the present levels, sum_present c_l w_l. The
/// sums above then run over the present levels with c_l w_l, an unrated level entering with its stand-in (x_l = its prior
/// value). lambda = 0 is SPEC S4's strict adaptive (only rated levels); lambda = 1 in the raw form is weighted+bayes+siblings.
/// </para>
/// Immutable.
/// </summary>
public sealed class LevelScale
{
    private readonly double[] _means;
    private readonly double[] _spreads;
    private readonly double[] _anchors;

    private LevelScale(AdaptiveScale form, double[] means, double[] spreads, double[] anchors, double unit, double priorConfidence = 0)
    {
        Form = form;
        PriorConfidence = priorConfidence;
        _means = means;
        _spreads = spreads;
        _anchors = anchors;
        Unit = unit;
    }

    /// <summary>SPEC S4's raw form (no statistics needed).</summary>
    public static LevelScale Raw { get; } = new(AdaptiveScale.Raw, new double[4], new double[4], new double[4], 1);

    /// <summary>
    /// The scale of <paramref name="form"/> with the statistics of <paramref name="priors"/>, unrated levels weighted by
    /// <paramref name="priorConfidence"/> (lambda; 0, the default, is SPEC S4's strict adaptive).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="form"/> is <see cref="AdaptiveScale.Validated"/> (resolve it first) or undefined.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorConfidence"/> is outside [0, 1] or NaN.</exception>
    public static LevelScale From(LevelPriors priors, AdaptiveScale form, double priorConfidence)
    {
        var scale = From(priors, form);
        if (priorConfidence == 0) return scale;
        PriorConfidenceNames.Check(priorConfidence);
        return new LevelScale(scale.Form, scale._means, scale._spreads, scale._anchors, scale.Unit, priorConfidence);
    }

    /// <summary>The scale of <paramref name="form"/> with the statistics of <paramref name="priors"/> (SPEC S4's strict adaptive: lambda 0).</summary>
    /// <exception cref="ArgumentException"><paramref name="form"/> is <see cref="AdaptiveScale.Validated"/> (resolve it first) or undefined.</exception>
    public static LevelScale From(LevelPriors priors, AdaptiveScale form)
    {
        ArgumentNullException.ThrowIfNull(priors);
        if (form == AdaptiveScale.Validated || !Enum.IsDefined(form)) throw new ArgumentException($"adaptive scale '{form}' is not a form: resolve 'validated' on validation lists first.");
        if (form == AdaptiveScale.Raw) return Raw;
        var means = new double[4];
        var spreads = new double[4];
        var anchors = new double[4];
        for (var l = 0; l < 4; l++)
        {
            var level = (HierarchyLevel)l;
            means[l] = priors.LevelMean(level);
            var spread = priors.LevelSpread(level);
            spreads[l] = form == AdaptiveScale.LevelZ && spread > 1e-9 ? spread : 1;
            anchors[l] = priors.PriorMeanAt(level);
        }
        var unit = form == AdaptiveScale.LevelZ && priors.GlobalSpread > 1e-9 ? priors.GlobalSpread : 1;
        return new LevelScale(form, means, spreads, anchors, unit);
    }

    /// <summary>The form applied.</summary>
    public AdaptiveScale Form { get; }

    /// <summary>lambda in [0, 1]: the weight factor of a level the user did not rate (0 = SPEC S4's strict adaptive).</summary>
    public double PriorConfidence { get; }

    /// <summary>S for <see cref="AdaptiveScale.LevelZ"/>, else 1.</summary>
    public double Unit { get; }

    /// <summary>m_l: the level's mean training rating (0 for <see cref="Raw"/>).</summary>
    public double Mean(HierarchyLevel level) => _means[(int)level];

    /// <summary>The divisor of a deviation at the level: s_l for <see cref="AdaptiveScale.LevelZ"/>, else 1.</summary>
    public double Divisor(HierarchyLevel level) => _spreads[(int)level];

    /// <summary>P_l: the prior mean the level falls to when unrated (0 for <see cref="Raw"/>).</summary>
    public double Anchor(HierarchyLevel level) => _anchors[(int)level];

    /// <summary>(x - m_l) / divisor: the position of a rating <paramref name="value"/> on <paramref name="level"/>'s scale.</summary>
    public double Position(HierarchyLevel level, double value) => (value - _means[(int)level]) / _spreads[(int)level];
}
