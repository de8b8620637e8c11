using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Evaluation.Protocols.Playlists;

/// <summary>
/// Completes a model's list to 500 tracks the same way for every model: first the tracks of training playlists whose
/// normalised title (lower case, letters and digits only) equals the test playlist's, by how many such playlists hold
/// them (only in categories that show the title), then the most popular training tracks; seeds and listed tracks are
/// skipped. This gives title-only playlists (no seeds, so no history for a model) an answer from their title.
/// </summary>
internal sealed class TitleFill
{
    private readonly Dictionary<string, List<int>> _byTitle = new(StringComparer.Ordinal);
    private readonly int[] _popular;
    private readonly string?[] _names;
    private readonly CsrMatrix _train;

    public TitleFill(PlaylistTable playlists, CsrMatrix train, IEnumerable<int> testPlaylists)
    {
        _names = playlists.Names;
        _train = train;
        var tests = new HashSet<int>(testPlaylists);
        for (var p = 0; p < playlists.Count; p++)
        {
            if (tests.Contains(p) || Normalise(playlists.Names[p]) is not { Length: > 0 } key) continue;
            if (!_byTitle.TryGetValue(key, out var list)) _byTitle[key] = list = [];
            list.Add(p);
        }
        var counts = train.ColumnCounts();
        _popular = [.. Enumerable.Range(0, counts.Length).Where(t => counts[t] > 0).OrderByDescending(t => counts[t]).ThenBy(t => t)];
    }

    /// <summary>The model's list followed by same-title tracks (when <paramref name="useTitle"/>) and popular ones, up to <paramref name="length"/>.</summary>
    public int[] Complete(ReadOnlySpan<int> ranked, int playlist, bool useTitle, int length)
    {
        var result = new List<int>(length);
        var listed = new HashSet<int>();
        foreach (var t in ranked)
            if (result.Count < length && listed.Add(t)) result.Add(t);
        if (result.Count >= length) return [.. result];
        var seeds = _train.RowIndices(playlist);
        if (useTitle && Normalise(_names[playlist]) is { Length: > 0 } key && _byTitle.TryGetValue(key, out var same))
        {
            var counts = new Dictionary<int, int>();
            foreach (var p in same)
                foreach (var t in _train.RowIndices(p)) counts[t] = counts.GetValueOrDefault(t) + 1;
            foreach (var (t, _) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
            {
                if (result.Count == length) break;
                if (seeds.BinarySearch(t) < 0 && listed.Add(t)) result.Add(t);
            }
        }
        foreach (var t in _popular)
        {
            if (result.Count == length) break;
            if (seeds.BinarySearch(t) < 0 && listed.Add(t)) result.Add(t);
        }
        return [.. result];
    }

    internal static string Normalise(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return "";
        var chars = title.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        return new string(chars);
    }
}
