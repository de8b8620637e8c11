namespace Encore.Evaluation.Protocols.Playlists;

/// <summary>
/// One of the Million Playlist Dataset challenge's ten seed categories: how many seed tracks a test playlist shows,
/// whether they are its first tracks or drawn at random, and whether its title is shown.
/// </summary>
/// <param name="Name">Label as printed, e.g. "title + first 5".</param>
/// <param name="Seeds">Number of seed tracks shown (0 = title only).</param>
/// <param name="Title">Whether the playlist's title is given.</param>
/// <param name="Random">Seeds drawn at random (seeded) instead of the first tracks.</param>
public sealed record ChallengeCategory(string Name, int Seeds, bool Title, bool Random)
{
    /// <summary>The challenge's ten categories, in its order.</summary>
    public static IReadOnlyList<ChallengeCategory> All { get; } =
    [
        new("title only", 0, true, false),
        new("title + first 1", 1, true, false),
        new("title + first 5", 5, true, false),
        new("no title + first 5", 5, false, false),
        new("title + first 10", 10, true, false),
        new("no title + first 10", 10, false, false),
        new("title + first 25", 25, true, false),
        new("title + random 25", 25, true, true),
        new("title + first 100", 100, true, false),
        new("title + random 100", 100, true, true),
    ];
}
