namespace Encore.Models.Hierarchy;

/// <summary>
/// How <see cref="HierarchyStrategy.Adaptive"/> (and the learned fallback's evidence branch) puts the levels a user rated on
/// one scale before it averages them with renormalised weights (SPEC S4). The forms are applied by <see cref="LevelScale"/>.
/// </summary>
public enum AdaptiveScale : byte
{
    /// <summary>
    /// A request, not a form: choose among <see cref="Raw"/>, <see cref="LevelDeviation"/> and <see cref="LevelZ"/> on the
    /// validation lists (<see cref="AdaptiveScaleSelection"/>, one-standard-error rule against <see cref="Raw"/>); without
    /// validation lists <see cref="Raw"/>.
    /// </summary>
    Validated = 0,

    /// <summary>SPEC S4 as written: the rated levels' raw ratings, averaged with renormalised weights.</summary>
    Raw = 1,

    /// <summary>
    /// Each rated level as its deviation from that level's mean training rating (M_level; a sibling-filled album from the
    /// track level's mean, since sibling ratings are track ratings), averaged with renormalised weights and added to the
    /// prior blend a pair without evidence gets (a departure from SPEC S4, chosen on validation).
    /// </summary>
    LevelDeviation = 2,

    /// <summary>
    /// As <see cref="LevelDeviation"/>, each deviation divided by the level's standard deviation (a z-score) and the average
    /// multiplied by the standard deviation of all training ratings, so it stays in rating units (a departure from SPEC S4).
    /// </summary>
    LevelZ = 3,
}

/// <summary>Names of <see cref="AdaptiveScale"/> values on the command line, in logs and model summaries.</summary>
public static class AdaptiveScaleNames
{
    /// <summary>The forms <see cref="AdaptiveScaleSelection"/> chooses among, SPEC S4's first.</summary>
    public static readonly IReadOnlyList<AdaptiveScale> Forms = [AdaptiveScale.Raw, AdaptiveScale.LevelDeviation, AdaptiveScale.LevelZ];

    /// <summary>"validated", "raw", "level-deviation" or "level-z".</summary>
    public static string Name(this AdaptiveScale scale) => scale switch
    {
        AdaptiveScale.Validated => "validated",
        AdaptiveScale.Raw => "raw",
        AdaptiveScale.LevelDeviation => "level-deviation",
        _ => "level-z",
    };

    /// <summary>Parses a name of <see cref="Name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not one of the four names.</exception>
    public static AdaptiveScale Parse(string value) => value?.Trim().ToLowerInvariant() switch
    {
        "validated" => AdaptiveScale.Validated,
        "raw" => AdaptiveScale.Raw,
        "level-deviation" or "leveldeviation" => AdaptiveScale.LevelDeviation,
        "level-z" or "levelz" => AdaptiveScale.LevelZ,
        _ => throw new ArgumentException($"adaptive scale '{value}' is unknown: expected validated, raw, level-deviation or level-z."),
    };
}
