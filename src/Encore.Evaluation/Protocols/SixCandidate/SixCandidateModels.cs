using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>Every model the six-candidate protocol can report, in SPEC S4's order.</summary>
public static class SixCandidateModels
{
    public const string AlsFlat = "als-flat";

    /// <summary>
    /// SPEC S4's strict adaptive (only the levels the user rated, weights renormalised: evidence confidence lambda 0), scored beside
    /// <c>adaptive</c> (lambda chosen on validation) so the leaderboard shows what S4's strict form gives; its scale form is the one
    /// validation chose at lambda 0.
    /// </summary>
    public const string AdaptiveStrict = "adaptive-strict";
    public const string Ensemble = "ensemble";
    public const string BlendRaw = "als-blend-raw";
    public const string BlendRank = "als-blend-rank";
    public const string BlendNormalised = "als-blend-norm";

    /// <summary>The per-level ALS names: als-track, als-album, als-artist, als-genre.</summary>
    public static string Level(HierarchyLevel level) => "als-" + level.ToString().ToLowerInvariant();

    public static readonly IReadOnlyList<string> Strategies = [.. Enum.GetValues<HierarchyStrategy>().Select(s => s.Name())];

    /// <summary>
    /// The two halves of the weighted -> weighted+bayes+siblings step, scored as diagnostics: the Bayesian fallback
    /// mu_i without siblings, and the sibling tracks with the plain user-else-M fallback (same 0.4 / 0.3 / 0.3 weights).
    /// </summary>
    public static readonly IReadOnlyList<string> Decomposition = [WeightedBayes, WeightedSiblings];

    public const string WeightedBayes = "weighted+bayes";
    public const string WeightedSiblings = "weighted+siblings";

    public static readonly IReadOnlyList<string> Classifiers = [.. Enum.GetValues<ClassifierKind>().Select(k => k.Name())];

    public static readonly IReadOnlyList<string> Blends =
        [.. Enum.GetValues<HierarchyLevel>().Select(Level), BlendRaw, BlendRank, BlendNormalised];

    public static readonly IReadOnlyList<string> All = [.. Strategies, AdaptiveStrict, .. Decomposition, AlsFlat, .. Blends, .. Classifiers, Ensemble];

    /// <summary>The family of a model name: strategy, collaborative, blend, classifier or ensemble.</summary>
    public static string Family(string name) =>
        Strategies.Contains(name) || Decomposition.Contains(name) || name == AdaptiveStrict ? "strategy" : name == AlsFlat ? "collaborative" : Blends.Contains(name) ? "blend"
        : Classifiers.Contains(name) ? "classifier" : "ensemble";
}
