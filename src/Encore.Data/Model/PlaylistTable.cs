namespace Encore.Data.Model;

/// <summary>Playlists in columns; row i is dense index i of <see cref="MusicDataset.Playlists"/>. Track order is kept.</summary>
public sealed class PlaylistTable
{
    public required string?[] Names { get; init; }
    /// <summary>Owning user or <see cref="Missing.Id"/> (MPD playlists have no owner).</summary>
    public required int[] Owners { get; init; }
    public required int[] Followers { get; init; }
    /// <summary>Unix ms or <see cref="Missing.Time"/>.</summary>
    public required long[] ModifiedAt { get; init; }
    /// <summary>Track count as the source declared it (MPD num_tracks); may differ from the list length.</summary>
    public required int[] DeclaredTrackCounts { get; init; }
    public required IntLists Tracks { get; init; }

    public int Count => Names.Length;

    public static PlaylistTable Empty => new PlaylistTableBuilder().Build();
}
