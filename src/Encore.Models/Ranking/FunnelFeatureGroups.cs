namespace Encore.Models.Ranking;

/// <summary>
/// The funnel's feature groups beyond the generators' scores and ranks (always present). A group whose side table
/// is absent from the training data is dropped when the funnel is fitted.
/// </summary>
[Flags]
public enum FunnelFeatureGroups
{
    /// <summary>Generator scores and ranks only.</summary>
    None = 0,

    /// <summary>ln(1 + the item's users with positive signal), ln(1 + the user's positive items).</summary>
    Popularity = 1,

    /// <summary>Cosine of the user's listening tag profile with the item's TF-IDF tag vector; ln(1 + the item's tag assignments). Uses every user's tags on items (item content).</summary>
    Tags = 2,

    /// <summary>Cosine of the tags the user applied with the item's tag vector; ln(1 + tags the user put on this item). Uses the user's OWN tagging: a behaviour signal outside the play matrix.</summary>
    OwnTags = 4,

    /// <summary>Share and ln(1 + count) of the user's friends with positive signal on the item in the training matrix.</summary>
    Friends = 8,

    /// <summary>
    /// The candidate's item-kNN cosine (binary positive signal) to the user's history: its maximum and mean over the
    /// user's <see cref="HistorySimilarity.TopPlayed"/> most-played training items, and its play-weighted mean over all
    /// of them. Reads the training matrix only.
    /// </summary>
    Neighbours = 16,

    /// <summary>Generator agreement: the share of the generators that have the candidate in their top-N.</summary>
    Agreement = 32,

    /// <summary>
    /// How deeply the candidate's listeners play it against the user's smallest and median training value
    /// (<see cref="Ranking.PlayDepth"/>). Reads the training matrix only; dropped where its values are binary.
    /// </summary>
    PlayDepth = 64,

    /// <summary>Every group.</summary>
    All = Popularity | Tags | OwnTags | Friends | Neighbours | Agreement | PlayDepth,
}

/// <summary>Parses and names <see cref="FunnelFeatureGroups"/>: <c>all</c>, <c>none</c> or '+'-separated <c>popularity+tags+own-tags+friends+neighbours+agreement+play-depth</c>.</summary>
public static class FunnelFeatureGroupNames
{
    private static readonly (string Name, FunnelFeatureGroups Group)[] Known =
    [
        ("popularity", FunnelFeatureGroups.Popularity), ("tags", FunnelFeatureGroups.Tags),
        ("own-tags", FunnelFeatureGroups.OwnTags), ("friends", FunnelFeatureGroups.Friends),
        ("neighbours", FunnelFeatureGroups.Neighbours), ("agreement", FunnelFeatureGroups.Agreement),
        ("play-depth", FunnelFeatureGroups.PlayDepth),
    ];

    /// <exception cref="ArgumentException">An unknown group name.</exception>
    public static FunnelFeatureGroups Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed == "all") return FunnelFeatureGroups.All;
        if (trimmed is "none" or "") return FunnelFeatureGroups.None;
        var result = FunnelFeatureGroups.None;
        foreach (var part in trimmed.Split('+', StringSplitOptions.TrimEntries))
        {
            var match = Array.Find(Known, k => k.Name == part);
            if (match.Name is null)
                throw new ArgumentException($"funnel features '{text}': unknown group '{part}' (expected all, none or a '+'-list of {string.Join(", ", Known.Select(k => k.Name))}).");
            result |= match.Group;
        }
        return result;
    }

    /// <summary>"popularity+tags", "none" or "all".</summary>
    public static string Format(FunnelFeatureGroups groups) => groups switch
    {
        FunnelFeatureGroups.None => "none",
        FunnelFeatureGroups.All => "all",
        _ => string.Join('+', Known.Where(k => groups.HasFlag(k.Group)).Select(k => k.Name)),
    };
}
