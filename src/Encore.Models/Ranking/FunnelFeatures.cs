using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Ranking;

/// <summary>
/// The funnel's two stages' meeting point: for one user, the union of every generator's top-N unseen items and one
/// feature row per candidate. Columns, for each generator c: its score standardised over its scored items (z, 0
/// where the generator has no evidence) and its reciprocal rank 1 / (1 + rank) in its top-N (0 outside); with
/// <see cref="FunnelFeatureGroups.Agreement"/>, the share of the g generators with the item in their top-N; then the
/// columns of <see cref="FunnelSignals"/> (popularity, tags, own tags, friends, neighbours, as present).
/// Width = 2 g + (1 with agreement) + signals.
/// A generator's score of exactly 0 or a non-finite one is "no evidence" (the neighbourhood models' and EASE's
/// convention; a factor model's score is never exactly 0 in practice): such items are never its candidates.
/// Thread-safe (no shared mutable state).
/// </summary>
internal sealed class FunnelFeatures
{
    private readonly IRecommender[] _generators;
    private readonly CsrMatrix _interactions;
    private readonly int[] _allItems;

    /// <param name="generators">Fitted generators over the same users and items as <paramref name="interactions"/>.</param>
    /// <param name="interactions">The training matrix the generators saw (seen items).</param>
    /// <param name="signals">The other features, over the same matrix.</param>
    /// <param name="candidates">N of each generator's top-N.</param>
    public FunnelFeatures(IRecommender[] generators, CsrMatrix interactions, FunnelSignals signals, int candidates)
    {
        _generators = generators;
        _interactions = interactions;
        Signals = signals;
        Candidates = candidates;
        _allItems = [.. Enumerable.Range(0, interactions.Columns)];
    }

    public int Candidates { get; }

    public FunnelSignals Signals { get; }

    public int Width => WidthFor(_generators.Length, Signals);

    /// <summary>Columns per candidate for <paramref name="generators"/> generators and these signals.</summary>
    public static int WidthFor(int generators, FunnelSignals signals) =>
        2 * generators + (signals.Groups.HasFlag(FunnelFeatureGroups.Agreement) ? 1 : 0) + signals.Width;

    /// <summary>Column names, in order, for the given generator names and feature groups.</summary>
    public static string[] Names(IEnumerable<string> generators, FunnelFeatureGroups groups) =>
        [.. generators.SelectMany(g => new[] { $"{g}-z", $"{g}-reciprocal-rank" }),
            .. groups.HasFlag(FunnelFeatureGroups.Agreement) ? new[] { "generator-agreement" } : [],
            .. FunnelSignals.Names(groups)];

    /// <summary>
    /// The candidates of <paramref name="user"/> (ascending item index), their feature rows (row-major,
    /// candidates x <see cref="Width"/>) and the first generator's standardised score of every item (NaN where it
    /// has no evidence or the user has seen the item).
    /// </summary>
    public (int[] Items, float[] Rows, float[] FirstZ) Build(int user)
    {
        var n = _allItems.Length;
        var g = _generators.Length;
        var z = new float[g][];
        var rank = new Dictionary<int, int>[g];
        var seen = _interactions.RowIndices(user);
        var selector = new TopKSelector(Candidates);
        var ids = new int[Candidates];
        var top = new float[Candidates];
        var union = new SortedSet<int>();
        for (var c = 0; c < g; c++)
        {
            var scores = new float[n];
            _generators[c].Score(user, _allItems, scores);
            for (var i = 0; i < n; i++) if (scores[i] == 0f || !float.IsFinite(scores[i])) scores[i] = float.NaN;
            foreach (var item in seen) scores[item] = float.NaN;
            selector.Reset(Candidates);
            selector.OfferAll(scores);
            var count = selector.Drain(ids, top);
            rank[c] = new Dictionary<int, int>(count);
            for (var r = 0; r < count; r++) { rank[c][ids[r]] = r; union.Add(ids[r]); }
            z[c] = Standardise(scores);
        }
        var items = union.ToArray();
        var width = Width;
        var agreement = Signals.Groups.HasFlag(FunnelFeatureGroups.Agreement);
        var rows = new float[items.Length * width];
        for (var x = 0; x < items.Length; x++)
        {
            var row = rows.AsSpan(x * width, width);
            var item = items[x];
            var inTop = 0;
            for (var c = 0; c < g; c++)
            {
                row[2 * c] = float.IsFinite(z[c][item]) ? z[c][item] : 0f;
                var listed = rank[c].TryGetValue(item, out var r);
                row[2 * c + 1] = listed ? 1f / (1 + r) : 0f;
                if (listed) inTop++;
            }
            if (agreement) row[2 * g] = (float)inTop / g;
        }
        Signals.Fill(user, items, rows, width, 2 * g + (agreement ? 1 : 0));
        return (items, rows, z[0]);
    }

    /// <summary>(s - mean) / sd over the finite scores; non-finite scores stay NaN.</summary>
    private static float[] Standardise(float[] scores)
    {
        double sum = 0, squares = 0;
        var count = 0;
        foreach (var s in scores)
        {
            if (!float.IsFinite(s)) continue;
            sum += s;
            squares += (double)s * s;
            count++;
        }
        var result = new float[scores.Length];
        var mean = count == 0 ? 0 : sum / count;
        var variance = count == 0 ? 0 : squares / count - mean * mean;
        var scale = variance > 1e-12 ? 1 / Math.Sqrt(variance) : 0;
        for (var i = 0; i < scores.Length; i++)
            result[i] = float.IsFinite(scores[i]) ? (float)((scores[i] - mean) * scale) : float.NaN;
        return result;
    }
}
