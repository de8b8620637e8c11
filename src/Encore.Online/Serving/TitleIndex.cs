using Encore.Core.Ranking;
using Encore.Data.Model;

namespace Encore.Online.Serving;

/// <summary>
/// Playlist-kNN by title words, for continuing a playlist that has only a name: playlists whose names share
/// words with the title vote for their tracks (one vote per shared word); tracks rank by votes, ties by the
/// smaller track index. Words are lower-cased runs of letters and digits.
/// </summary>
public sealed class TitleIndex
{
    private readonly Dictionary<string, List<int>> _playlistsByWord = new(StringComparer.Ordinal);
    private readonly IntLists _tracks;
    private readonly Core.Ids.IdMap _trackIds;

    public TitleIndex(MusicDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _tracks = dataset.PlaylistInfo.Tracks;
        _trackIds = dataset.Tracks;
        var names = dataset.PlaylistInfo.Names;
        for (var p = 0; p < names.Length; p++)
            foreach (var word in Words(names[p]))
            {
                if (!_playlistsByWord.TryGetValue(word, out var list)) _playlistsByWord[word] = list = [];
                list.Add(p);
            }
    }

    /// <summary>Distinct words of the indexed playlist names.</summary>
    public int WordCount => _playlistsByWord.Count;

    public IReadOnlyList<ScoredTrack> Rank(string title, IReadOnlyList<string> exclude, int k)
    {
        var votes = new Dictionary<int, int>();
        foreach (var word in Words(title))
            if (_playlistsByWord.TryGetValue(word, out var playlists))
                foreach (var p in playlists)
                    foreach (var track in _tracks[p]) votes[track] = votes.GetValueOrDefault(track) + 1;
        foreach (var id in exclude)
            if (id is not null && _trackIds.TryGetIndex(id, out var t)) votes.Remove(t);
        var heap = new TopKSelector(Math.Min(k, votes.Count));
        foreach (var (track, count) in votes) heap.Offer(track, count);
        var items = new int[heap.Count];
        var scores = new float[heap.Count];
        heap.Drain(items, scores);
        var result = new ScoredTrack[items.Length];
        for (var i = 0; i < items.Length; i++) result[i] = new ScoredTrack(_trackIds[items[i]], scores[i]);
        return result;
    }

    internal static HashSet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (text is null) return words;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }
}
