namespace Encore.Models.Group;

/// <summary>
/// The one table of <see cref="GroupStrategy"/> names, shared by the CLI's <c>--strategy</c> and the service's group
/// requests so both accept the same words: average, least-misery, most-pleasure, borda, overlap-first,
/// expected-plays (plus the aliases avg, leastmisery, mostpleasure, borda-count, overlap). Case-insensitive.
/// </summary>
public static class GroupStrategyNames
{
    /// <value>The canonical names, comma-separated, for error messages and help.</value>
    public const string List = "average, least-misery, most-pleasure, borda, overlap-first, expected-plays";

    /// <summary>The strategy named <paramref name="text"/> (surrounding spaces ignored); false for an unknown name.</summary>
    public static bool TryParse(string? text, out GroupStrategy strategy)
    {
        GroupStrategy? parsed = text?.Trim().ToLowerInvariant() switch
        {
            "average" or "avg" => GroupStrategy.Average,
            "least-misery" or "leastmisery" => GroupStrategy.LeastMisery,
            "most-pleasure" or "mostpleasure" => GroupStrategy.MostPleasure,
            "borda" or "borda-count" => GroupStrategy.BordaCount,
            "overlap-first" or "overlap" => GroupStrategy.OverlapFirst,
            "expected-plays" => GroupStrategy.ExpectedPlays,
            _ => null,
        };
        strategy = parsed ?? default;
        return parsed is not null;
    }

    /// <summary>The canonical name of <paramref name="strategy"/>.</summary>
    public static string Of(GroupStrategy strategy) => strategy switch
    {
        GroupStrategy.Average => "average",
        GroupStrategy.LeastMisery => "least-misery",
        GroupStrategy.MostPleasure => "most-pleasure",
        GroupStrategy.BordaCount => "borda",
        GroupStrategy.OverlapFirst => "overlap-first",
        GroupStrategy.ExpectedPlays => "expected-plays",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown group strategy"),
    };
}
