using Encore.Core.Sparse;

namespace Encore.Models.Social;

/// <summary>
/// The friends recommender's link weights: users x users, row u = w(u, f) over the users u links to (self-links and
/// users without training signal dropped), each nonempty row summing to 1. Direct friends weigh 1 each, or
/// (0.01 + cos(u, f))^taste with cos over binary training rows; with a second-degree share s the row is
/// (1 - s) d(u) + s t(u), t(u) = the two-step walk sum_f d(u, f) d(f, v) over users v that are neither u nor a direct
/// friend, scaled to sum 1 (kept as d(u) alone when empty).
/// </summary>
internal static class FriendWeights
{
    /// <summary>Taste similarity floor: a friend with no item in common still counts (0.01^taste) when taste > 0.</summary>
    internal const double TasteFloor = 0.01;

    /// <param name="links">Users x users links (any positive value = a link).</param>
    /// <param name="signal">The positive training matrix (users x items).</param>
    /// <param name="taste">Exponent of the taste weighting, >= 0.</param>
    /// <param name="secondDegree">Share of the weight given to friends of friends, in [0, 1).</param>
    /// <param name="ct">Cancellation, checked per user.</param>
    public static CsrMatrix Build(CsrMatrix links, CsrMatrix signal, double taste, double secondDegree, CancellationToken ct)
    {
        var n = signal.Rows;
        var direct = new (int[] Users, double[] Weights)[n];
        for (var u = 0; u < n; u++)
        {
            ct.ThrowIfCancellationRequested();
            direct[u] = Direct(links, signal, u, taste);
        }
        var rows = new (int[] Users, double[] Weights)[n];
        for (var u = 0; u < n; u++)
        {
            ct.ThrowIfCancellationRequested();
            rows[u] = secondDegree > 0 ? WithSecondDegree(direct, u, secondDegree) : direct[u];
        }
        var offsets = new int[n + 1];
        for (var u = 0; u < n; u++) offsets[u + 1] = offsets[u] + rows[u].Users.Length;
        var columns = new int[offsets[n]];
        var values = new float[offsets[n]];
        for (var u = 0; u < n; u++)
        {
            rows[u].Users.CopyTo(columns, offsets[u]);
            for (var p = 0; p < rows[u].Weights.Length; p++) values[offsets[u] + p] = (float)rows[u].Weights[p];
        }
        return new CsrMatrix(n, n, offsets, columns, values);
    }

    /// <summary>Cosine of two binary rows: |A ∩ B| / sqrt(|A| |B|) (0 when either is empty); both index lists ascending.</summary>
    internal static double BinaryCosine(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common / Math.Sqrt((double)a.Length * b.Length);
    }

    private static (int[] Users, double[] Weights) Direct(CsrMatrix links, CsrMatrix signal, int u, double taste)
    {
        if (u >= links.Rows) return ([], []);
        var friends = new List<int>();
        var weights = new List<double>();
        var linked = links.RowIndices(u);
        var strengths = links.RowValues(u);
        for (var p = 0; p < linked.Length; p++)
        {
            var f = linked[p];
            if (f == u || strengths[p] <= 0 || (uint)f >= (uint)signal.Rows || signal.RowLength(f) == 0) continue;
            friends.Add(f);
            weights.Add(taste == 0 ? 1 : Math.Pow(TasteFloor + BinaryCosine(signal.RowIndices(u), signal.RowIndices(f)), taste));
        }
        return Normalised(friends, weights);
    }

    private static (int[] Users, double[] Weights) WithSecondDegree((int[] Users, double[] Weights)[] direct, int u, double share)
    {
        var (friends, weights) = direct[u];
        if (friends.Length == 0) return direct[u];
        var walk = new Dictionary<int, double>();
        for (var p = 0; p < friends.Length; p++)
        {
            var (next, nextWeights) = direct[friends[p]];
            for (var q = 0; q < next.Length; q++)
            {
                var v = next[q];
                if (v == u || Array.BinarySearch(friends, v) >= 0) continue;
                walk[v] = walk.GetValueOrDefault(v) + weights[p] * nextWeights[q];
            }
        }
        if (walk.Count == 0) return direct[u];
        var total = walk.Values.Sum();
        var merged = new SortedDictionary<int, double>();
        for (var p = 0; p < friends.Length; p++) merged[friends[p]] = (1 - share) * weights[p];
        foreach (var (v, w) in walk) merged[v] = share * w / total;
        return ([.. merged.Keys], [.. merged.Values]);
    }

    private static (int[] Users, double[] Weights) Normalised(List<int> users, List<double> weights)
    {
        var total = weights.Sum();
        if (users.Count == 0 || total <= 0) return ([], []);
        return ([.. users], [.. weights.Select(w => w / total)]);
    }
}
