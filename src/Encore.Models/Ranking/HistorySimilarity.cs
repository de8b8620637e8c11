using Encore.Core.Sparse;

namespace Encore.Models.Ranking;

/// <summary>
/// The funnel's <see cref="FunnelFeatureGroups.Neighbours"/> columns: how close a candidate is to what the user
/// already plays, by the item-kNN cosine over binary positive signal, cos(i, j) = |U_i ∩ U_j| / sqrt(|U_i| |U_j|)
/// (U_i = the users with positive signal on item i; Sarwar et al. 2001, "Item-based collaborative filtering
/// recommendation algorithms"). Per (user, candidate i), with H = the user's positive training items and w_j their
/// interaction values (plays, or their confidence transform):
/// <list type="bullet">
/// <item><c>top-played-max-cosine</c>: max of cos(i, j) over the user's <see cref="TopPlayed"/> highest-w items of H
/// (ties by item index), in [0, 1];</item>
/// <item><c>top-played-mean-cosine</c>: their mean, in [0, 1];</item>
/// <item><c>play-weighted-cosine</c>: Σ_{j in H} w_j cos(i, j) / Σ_{j in H} w_j, in [0, 1].</item>
/// </list>
/// All 0 for a user without positive items. Reads only the matrix it is given (the carve's inner part while the
/// ranker trains, the training matrix once fitted), so it holds nothing about held-out pairs. Cost per user:
/// Σ_{j in H} Σ_{v in U_j} |row v| (co-occurrence counts restricted to the candidates). Thread-safe (read-only).
/// </summary>
internal sealed class HistorySimilarity
{
    /// <summary>How many of the user's most-played items the max and mean look at.</summary>
    public const int TopPlayed = 10;

    /// <summary>Columns written per candidate.</summary>
    public const int Width = 3;

    private readonly CsrMatrix _interactions;
    private readonly CsrMatrix _itemUsers;
    private readonly int[] _popularity;

    /// <param name="interactions">Users x items; values > 0 are positive signal.</param>
    public HistorySimilarity(CsrMatrix interactions)
    {
        _interactions = interactions;
        var positive = interactions.PositivePart();
        _itemUsers = positive.Transpose();
        _popularity = new int[interactions.Columns];
        for (var i = 0; i < _popularity.Length; i++) _popularity[i] = _itemUsers.RowLength(i);
    }

    /// <summary>Column names, in order.</summary>
    public static IEnumerable<string> Names => ["top-played-max-cosine", "top-played-mean-cosine", "play-weighted-cosine"];

    /// <summary>Writes the three columns of <paramref name="user"/> x each of <paramref name="items"/> at <paramref name="column"/> of each row.</summary>
    public void Fill(int user, int[] items, float[] rows, int width, int column)
    {
        var history = History(user);
        if (history.Length == 0 || items.Length == 0)
        {
            for (var x = 0; x < items.Length; x++) rows.AsSpan(x * width + column, Width).Clear();
            return;
        }
        var slot = new Dictionary<int, int>(items.Length);
        for (var x = 0; x < items.Length; x++) slot[items[x]] = x;
        var common = new int[items.Length];
        var max = new float[items.Length];
        var sum = new float[items.Length];
        var weighted = new double[items.Length];
        double totalWeight = 0;
        var top = Math.Min(TopPlayed, history.Length);
        for (var h = 0; h < history.Length; h++)
        {
            var (j, w) = history[h];
            Array.Clear(common);
            foreach (var v in _itemUsers.RowIndices(j))
            {
                var row = _interactions.RowIndices(v);
                var values = _interactions.RowValues(v);
                for (var p = 0; p < row.Length; p++)
                    if (values[p] > 0 && slot.TryGetValue(row[p], out var x)) common[x]++;
            }
            totalWeight += w;
            for (var x = 0; x < items.Length; x++)
            {
                var denominator = (double)_popularity[items[x]] * _popularity[j];
                var cosine = common[x] == 0 || denominator <= 0 ? 0f : (float)(common[x] / Math.Sqrt(denominator));
                weighted[x] += w * cosine;
                if (h >= top) continue;
                sum[x] += cosine;
                max[x] = MathF.Max(max[x], cosine);
            }
        }
        for (var x = 0; x < items.Length; x++)
        {
            rows[x * width + column] = max[x];
            rows[x * width + column + 1] = sum[x] / top;
            rows[x * width + column + 2] = totalWeight > 0 ? (float)(weighted[x] / totalWeight) : 0f;
        }
    }

    /// <summary>The user's positive items with their values, highest value first (ties: lower item index first).</summary>
    private (int Item, float Weight)[] History(int user)
    {
        var indices = _interactions.RowIndices(user);
        var values = _interactions.RowValues(user);
        var history = new List<(int Item, float Weight)>(indices.Length);
        for (var p = 0; p < indices.Length; p++)
            if (values[p] > 0) history.Add((indices[p], values[p]));
        history.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Item.CompareTo(b.Item));
        return [.. history];
    }
}
