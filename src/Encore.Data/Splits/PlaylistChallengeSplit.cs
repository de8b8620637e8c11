using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// Result of <see cref="PlaylistHiddenTracksSplit"/>. Entry j describes test playlist
/// <c>TestPlaylists[j]</c>: its category, the seed positions (indices into the playlist's track list,
/// ascending), the seed tracks and the hidden tracks (both in playlist order). Seeds and hidden positions
/// partition the playlist; train playlists are untouched.
/// </summary>
public sealed class PlaylistChallengeSplit
{
    /// <summary>Playlists used whole for training, ascending.</summary>
    public required int[] TrainPlaylists { get; init; }

    /// <summary>Test playlists, ascending.</summary>
    public required int[] TestPlaylists { get; init; }

    public required ChallengeCategory[] Categories { get; init; }
    public required IntLists SeedPositions { get; init; }
    public required IntLists Seeds { get; init; }
    public required IntLists Hidden { get; init; }

    public int TestCount => TestPlaylists.Length;

    /// <summary>Whether test playlist j shows its name.</summary>
    public bool ShowsTitle(int j) => ChallengeCategories.HasTitle(Categories[j]);
}
