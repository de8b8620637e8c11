using Encore.Data.Model;

namespace Encore.Online.Dashboard;

/// <summary>Event rows of the base dataset grouped by user (counting sort, built once), so one user's history is a slice.</summary>
internal sealed class BaseUserIndex
{
    private readonly int[] _offsets;
    private readonly int[] _rows;

    public BaseUserIndex(MusicDataset dataset)
    {
        Dataset = dataset;
        var users = dataset.Events.Users;
        _offsets = new int[dataset.Users.Count + 1];
        foreach (var u in users) _offsets[u + 1]++;
        for (var i = 0; i < dataset.Users.Count; i++) _offsets[i + 1] += _offsets[i];
        _rows = new int[users.Length];
        var next = _offsets[..^1];
        for (var row = 0; row < users.Length; row++) _rows[next[users[row]]++] = row;
    }

    public MusicDataset Dataset { get; }

    public ReadOnlySpan<int> RowsOf(string user) =>
        Dataset.Users.TryGetIndex(user, out var u) ? _rows.AsSpan(_offsets[u], _offsets[u + 1] - _offsets[u]) : [];
}
