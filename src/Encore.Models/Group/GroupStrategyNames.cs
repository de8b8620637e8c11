namespace Encore.Models.Group;

/// <summary>
/// The one table of <see cref="GroupStrategy"/> names, shared by the CLI's <c>--strategy</c> and the service's group
/// requests so both accept the same words. The rule: exactly the names the docs list, in any letter case, surrounding
/// spaces ignored: the canonical average, least-misery, most-pleasure, borda, overlap-first, expected-plays, and the
/// documented aliases avg, borda-count (the evaluation tables' label) and overlap. Anything else is refused, including
/// spellings without the hyphen such as "leastmisery" (<see cref="Problem"/> names the nearest valid one).
/// </summary>
public static class GroupStrategyNames
{
    /// <value>The canonical names, comma-separated, for error messages and help.</value>
    public const string List = "average, least-misery, most-pleasure, borda, overlap-first, expected-plays";

    /// <value>The documented aliases, comma-separated.</value>
    public const string Aliases = "avg, borda-count, overlap";

    private static readonly Dictionary<string, GroupStrategy> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["average"] = GroupStrategy.Average,
        ["avg"] = GroupStrategy.Average,
        ["least-misery"] = GroupStrategy.LeastMisery,
        ["most-pleasure"] = GroupStrategy.MostPleasure,
        ["borda"] = GroupStrategy.BordaCount,
        ["borda-count"] = GroupStrategy.BordaCount,
        ["overlap-first"] = GroupStrategy.OverlapFirst,
        ["overlap"] = GroupStrategy.OverlapFirst,
        ["expected-plays"] = GroupStrategy.ExpectedPlays,
    };

    /// <value>The canonical name of every <see cref="GroupStrategy"/>, in declaration order (what <see cref="List"/> spells out):
    /// what a client offers, e.g. the dashboard's strategy picker through <c>GET /api/groups/strategies</c>.</value>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<GroupStrategy>().Select(Of)];

    /// <value>The accepted aliases (every accepted name that is not canonical), in the order <see cref="Aliases"/> lists them.</value>
    public static IReadOnlyList<string> AliasNames { get; } = [.. ByName.Where(n => Of(n.Value) != n.Key).Select(n => n.Key)];

    /// <summary>The strategy named <paramref name="text"/> (see the rule above); false for any other text.</summary>
    public static bool TryParse(string? text, out GroupStrategy strategy)
    {
        strategy = default;
        return text is not null && ByName.TryGetValue(text.Trim(), out strategy);
    }

    /// <summary>
    /// Why <paramref name="text"/> is not a strategy, for an error message: "'x' is not a group strategy; expected one
    /// of ... (aliases ...)", ending "; did you mean 'least-misery'?" instead of "." when it differs from a valid
    /// name only in letter case, '-', '_' or spaces.
    /// </summary>
    public static string Problem(string? text)
    {
        static string Loose(string s) => new([.. s.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant)]);
        var near = text is null ? null : ByName.Keys.FirstOrDefault(n => Loose(n) == Loose(text));
        return $"'{text}' is not a group strategy; expected one of {List} (aliases {Aliases}){(near is null ? "." : $"; did you mean '{near}'?")}";
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
