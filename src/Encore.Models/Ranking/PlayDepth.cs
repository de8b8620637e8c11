using Encore.Core.Sparse;

namespace Encore.Models.Ranking;

/// <summary>
/// The funnel's <see cref="FunnelFeatureGroups.PlayDepth"/> columns: how deeply a candidate's listeners play it against
/// how high the user's bar is. Built for data whose users' rows are truncated at a per-user threshold (HetRec keeps each
/// user's 50 most played artists): an unseen item is relevant for u only if u would play it at least as often as u's
/// least played kept item, so P(relevant) = P(u listens) x P(plays(u, i) >= t_u | u listens), and the generators only
/// estimate the first factor. Per (user u, candidate i), with v(w, j) > 0 the positive training values (the output of
/// <c>data.confidence</c>: ln(1 + plays) with HetRec's default, so every column below is in those units and keeps the
/// order of the play counts):
/// <list type="bullet">
/// <item><c>user-play-threshold</c>: t_u = min over u's positive items of v(u, j); 0 without any;</item>
/// <item><c>user-play-median</c>: the median of u's positive values (mean of the two middle ones for an even count); 0 without any;</item>
/// <item><c>item-play-median</c>: the median of v(w, i) over i's listeners w (users with v(w, i) > 0); 0 without listeners;</item>
/// <item><c>item-reach-share</c>: the share of i's listeners with v(w, i) >= t_u, in [0, 1] (0 without listeners): whether
/// people play i as deeply as u's bar, in absolute terms (a heavy listener's bar admits only deeply played items);</item>
/// <item><c>item-upper-half-share</c>: the share of i's listeners with v(w, i) >= w's own median, in [0, 1] (0 without
/// listeners): how high i sits in its listeners' own lists, free of their volume (a light and a heavy listener count
/// alike), the scale-free counterpart of the column before.</item>
/// </list>
/// Reads only the matrix it is given (the fold's inner part while the ranker trains, the training matrix once fitted),
/// so no held-out pair reaches it. Meaningless on binary values (every column constant): <see cref="HasDepth"/> says
/// whether the values carry any. Cost: one transpose and a sort of every item's listener values at construction;
/// per candidate one binary search. Thread-safe (read-only after construction).
/// </summary>
internal sealed class PlayDepth
{
    /// <summary>Columns written per candidate.</summary>
    public const int Width = 5;

    private readonly float[] _userThreshold;
    private readonly float[] _userMedian;
    private readonly float[] _itemMedian;
    private readonly float[] _itemUpperHalfShare;
    private readonly int[] _listenerOffsets;
    private readonly float[] _listenerValues;

    /// <param name="interactions">Users x items; values > 0 are positive signal, their size its depth.</param>
    public PlayDepth(CsrMatrix interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        _userThreshold = new float[interactions.Rows];
        _userMedian = new float[interactions.Rows];
        var buffer = new List<float>();
        for (var u = 0; u < interactions.Rows; u++)
        {
            buffer.Clear();
            foreach (var v in interactions.RowValues(u)) if (v > 0) buffer.Add(v);
            if (buffer.Count == 0) continue;
            buffer.Sort();
            _userThreshold[u] = buffer[0];
            _userMedian[u] = Median(buffer);
        }
        var itemUsers = interactions.PositivePart().Transpose();
        _listenerOffsets = itemUsers.Offsets.ToArray();
        _listenerValues = itemUsers.Values.ToArray();
        _itemMedian = new float[interactions.Columns];
        _itemUpperHalfShare = new float[interactions.Columns];
        for (var i = 0; i < interactions.Columns; i++)
        {
            var listeners = itemUsers.RowIndices(i);
            if (listeners.Length == 0) continue;
            var upper = 0;
            var values = itemUsers.RowValues(i);
            for (var p = 0; p < listeners.Length; p++) if (values[p] >= _userMedian[listeners[p]]) upper++;
            _itemUpperHalfShare[i] = (float)upper / listeners.Length;
            var sorted = _listenerValues.AsSpan(_listenerOffsets[i], listeners.Length);
            sorted.Sort();
            buffer.Clear();
            foreach (var v in sorted) buffer.Add(v);
            _itemMedian[i] = Median(buffer);
        }
    }

    /// <summary>Column names, in order.</summary>
    public static IEnumerable<string> Names => ["user-play-threshold", "user-play-median", "item-play-median", "item-reach-share", "item-upper-half-share"];

    /// <summary>True when the positive values of <paramref name="interactions"/> take at least two distinct values (not binary).</summary>
    public static bool HasDepth(CsrMatrix interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var first = float.NaN;
        foreach (var v in interactions.Values)
        {
            if (v <= 0) continue;
            if (float.IsNaN(first)) first = v;
            else if (v != first) return true;
        }
        return false;
    }

    /// <summary>Writes the five columns of <paramref name="user"/> x each of <paramref name="items"/> at <paramref name="column"/> of each row.</summary>
    public void Fill(int user, int[] items, float[] rows, int width, int column)
    {
        var threshold = _userThreshold[user];
        for (var x = 0; x < items.Length; x++)
        {
            var item = items[x];
            var row = rows.AsSpan(x * width + column, Width);
            row[0] = threshold;
            row[1] = _userMedian[user];
            row[2] = _itemMedian[item];
            row[3] = ReachShare(item, threshold);
            row[4] = _itemUpperHalfShare[item];
        }
    }

    /// <summary>Share of the item's listeners whose value of it is >= <paramref name="threshold"/> (values sorted ascending per item).</summary>
    private float ReachShare(int item, float threshold)
    {
        var values = _listenerValues.AsSpan(_listenerOffsets[item], _listenerOffsets[item + 1] - _listenerOffsets[item]);
        if (values.Length == 0) return 0f;
        int low = 0, high = values.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (values[mid] < threshold) low = mid + 1; else high = mid;
        }
        return (float)(values.Length - low) / values.Length;
    }

    /// <summary>The middle value of a sorted non-empty list (the mean of the two middle ones for an even count).</summary>
    private static float Median(List<float> sorted)
    {
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
