namespace Encore.Data.Model;

/// <summary>Appends playlists in dense-index order.</summary>
public sealed class PlaylistTableBuilder
{
    private readonly List<string?> _names = [];
    private readonly List<int> _owners = [];
    private readonly List<int> _followers = [];
    private readonly List<long> _modified = [];
    private readonly List<int> _declared = [];
    private readonly IntListsBuilder _tracks = new();

    public int Count => _names.Count;

    public void Add(string? name, ReadOnlySpan<int> tracks, int owner = Missing.Id, int followers = 0,
        long modifiedAt = Missing.Time, int declaredTrackCount = -1)
    {
        _names.Add(name);
        _owners.Add(owner);
        _followers.Add(followers);
        _modified.Add(modifiedAt);
        _declared.Add(declaredTrackCount < 0 ? tracks.Length : declaredTrackCount);
        _tracks.AddEntry(tracks);
    }

    public PlaylistTable Build() => new()
    {
        Names = [.. _names],
        Owners = [.. _owners],
        Followers = [.. _followers],
        ModifiedAt = [.. _modified],
        DeclaredTrackCounts = [.. _declared],
        Tracks = _tracks.Build(),
    };
}
