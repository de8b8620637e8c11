namespace Encore.Data.Splits;

/// <summary>The ten seed categories of the MPD challenge set (1,000 playlists each in the official set).</summary>
public enum ChallengeCategory
{
    TitleOnly,
    TitleFirst1,
    TitleFirst5,
    First5NoTitle,
    TitleFirst10,
    First10NoTitle,
    TitleFirst25,
    TitleRandom25,
    TitleFirst100,
    TitleRandom100,
}

/// <summary>What each <see cref="ChallengeCategory"/> reveals.</summary>
public static class ChallengeCategories
{
    public static IReadOnlyList<ChallengeCategory> All { get; } = Enum.GetValues<ChallengeCategory>();

    /// <summary>Number of seed tracks shown.</summary>
    public static int SeedCount(ChallengeCategory category) => category switch
    {
        ChallengeCategory.TitleOnly => 0,
        ChallengeCategory.TitleFirst1 => 1,
        ChallengeCategory.TitleFirst5 or ChallengeCategory.First5NoTitle => 5,
        ChallengeCategory.TitleFirst10 or ChallengeCategory.First10NoTitle => 10,
        ChallengeCategory.TitleFirst25 or ChallengeCategory.TitleRandom25 => 25,
        _ => 100,
    };

    /// <summary>Whether the playlist name is shown.</summary>
    public static bool HasTitle(ChallengeCategory category) =>
        category is not (ChallengeCategory.First5NoTitle or ChallengeCategory.First10NoTitle);

    /// <summary>Seeds are random positions (in playlist order) rather than the first ones.</summary>
    public static bool RandomSeeds(ChallengeCategory category) =>
        category is ChallengeCategory.TitleRandom25 or ChallengeCategory.TitleRandom100;
}
