using Encore.Core.Errors;
using Encore.Core.Parallelism;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Graph;

/// <summary>
/// Fits RP3beta: a three-step random walk item i -> user u -> item j on the user-item graph, with
/// P(u | i) = (x_ui / sum_u' x_u'i)^alpha and P(j | u) = (x_uj / sum_j' x_uj')^alpha, so
/// W[i][j] = sum_u P(u | i) P(j | u) / popularity(j)^beta (popularity = users of j), the top-K of each row kept
/// (and optionally scaled to sum 1). Scores: score(u, j) = sum over the user's items i of x_ui W[i][j].
/// Cost: the number of (i, u, j) co-occurrences, as item-kNN. Deterministic (no randomness).
/// </summary>
public sealed class Rp3BetaTrainer(Rp3BetaOptions? options = null) : IRecommenderTrainer
{
    public Rp3BetaOptions Options { get; } = options ?? new Rp3BetaOptions();

    public string ModelName => Rp3BetaModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var x = Options.BinaryInput ? data.Signal.MapValues(static _ => 1f) : data.Signal;
        var choice = Options.ChooseBeta && !Options.BetaGiven ? Rp3BetaBetaSelection.Choose(x, Options, cancellationToken) : null;
        var options = choice is null ? Options : Options with { Beta = choice.Beta };
        var weights = Weights(Transitions.Of(x, options.Alpha), options.Beta, options, cancellationToken);
        progress?.Report(new EpochReport(1, 1, System.Diagnostics.Stopwatch.GetElapsedTime(started), double.NaN));
        // The model keeps every seen pair (skips and dislikes too, for filtering and the cold-start chain); it scores
        // from their positive part, as binary 1s when the walk was built on binary input.
        var seen = Options.BinaryInput ? data.Interactions.MapValues(static v => v > 0 ? 1f : v) : data.Interactions;
        return new Rp3BetaModel(data.Users, data.Items, seen, weights, options)
        {
            Threads = Options.Threads,
            DataChoices = choice is null ? [] : [new DataChoice("beta", choice.Beta.ToString(System.Globalization.CultureInfo.InvariantCulture), choice.Reason)],
        };
    }

    /// <summary>The walk's two scaled steps (items x users, users x items) and the item popularities of a users x items matrix.</summary>
    internal sealed record Transitions(CsrMatrix ToUser, CsrMatrix ToItem, int[] Popularity)
    {
        public static Transitions Of(CsrMatrix x, double alpha)
        {
            // Users -> items, rows scaled to transition probabilities P(j | u)^alpha.
            var userRowSums = new double[x.Rows];
            for (var u = 0; u < x.Rows; u++) foreach (var v in x.RowValues(u)) userRowSums[u] += Math.Max(v, 0);
            var toItem = Scale(x, r => userRowSums[r], alpha);
            // Items -> users, rows scaled to P(u | i)^alpha.
            var itemsByUser = x.Transpose();
            var itemRowSums = new double[itemsByUser.Rows];
            for (var i = 0; i < itemRowSums.Length; i++) foreach (var v in itemsByUser.RowValues(i)) itemRowSums[i] += Math.Max(v, 0);
            var popularity = new int[itemsByUser.Rows];
            for (var j = 0; j < popularity.Length; j++) popularity[j] = itemsByUser.RowLength(j);
            return new Transitions(Scale(itemsByUser, r => itemRowSums[r], alpha), toItem, popularity);
        }
    }

    /// <summary>W of the walk <paramref name="t"/> with the popularity penalty <paramref name="beta"/>, top-K rows (the type's formula).</summary>
    /// <exception cref="ModelFitException">A weight is not finite.</exception>
    internal static CsrMatrix Weights(Transitions t, double beta, Rp3BetaOptions options, CancellationToken ct)
    {
        var n = t.Popularity.Length;
        var penalty = new float[n];
        for (var j = 0; j < n; j++) penalty[j] = t.Popularity[j] == 0 ? 0f : (float)Math.Pow(t.Popularity[j], -beta);
        var weights = Walk(t.ToUser, t.ToItem, penalty, Math.Min(options.Neighbours, Math.Max(1, n - 1)), options.NormalizeRows, options.Threads, ct);
        if (!float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(weights.Values)))
            throw new ModelFitException("RP3beta weights are not finite: check the input values for NaN or infinity.");
        return weights;
    }

    private static CsrMatrix Scale(CsrMatrix m, Func<int, double> rowSum, double alpha)
    {
        var values = new float[m.NonZeros];
        var offsets = m.Offsets;
        for (var r = 0; r < m.Rows; r++)
        {
            var sum = rowSum(r);
            var row = m.RowValues(r);
            for (var p = 0; p < row.Length; p++)
                values[offsets[r] + p] = sum > 0 && row[p] > 0 ? (float)Math.Pow(row[p] / sum, alpha) : 0f;
        }
        return m.WithValues(values);
    }

    private static CsrMatrix Walk(CsrMatrix toUser, CsrMatrix toItem, float[] penalty, int k, bool normalize, int threads, CancellationToken ct)
    {
        var n = toUser.Rows;
        var outItems = new int[(long)n * k > Array.MaxLength ? throw new ArgumentException("too many weights; lower Neighbours.") : n * k];
        var outValues = new float[outItems.Length];
        var counts = new int[n];
        ParallelLoop.For(n, threads, _ => (Acc: new float[n], Seen: new bool[n], Touched: new int[n], Heap: new TopKSelector(k)), (start, end, s) =>
        {
            for (var i = start; i < end; i++)
            {
                var touched = 0;
                var users = toUser.RowIndices(i);
                var pu = toUser.RowValues(i);
                for (var p = 0; p < users.Length; p++)
                {
                    var items = toItem.RowIndices(users[p]);
                    var pj = toItem.RowValues(users[p]);
                    for (var q = 0; q < items.Length; q++)
                    {
                        var j = items[q];
                        if (!s.Seen[j]) { s.Seen[j] = true; s.Touched[touched++] = j; }
                        s.Acc[j] += pu[p] * pj[q];
                    }
                }
                s.Heap.Reset(k);
                for (var t = 0; t < touched; t++)
                {
                    var j = s.Touched[t];
                    var w = s.Acc[j] * penalty[j];
                    s.Acc[j] = 0;
                    s.Seen[j] = false;
                    if (j != i && w > 0) s.Heap.Offer(j, w);
                }
                var ids = outItems.AsSpan(i * k, k);
                var values = outValues.AsSpan(i * k, k);
                var count = s.Heap.Drain(ids, values);
                if (normalize && count > 0)
                {
                    var sum = System.Numerics.Tensors.TensorPrimitives.Sum<float>(values[..count]);
                    if (sum > 0) System.Numerics.Tensors.TensorPrimitives.Divide(values[..count], sum, values[..count]);
                }
                ids[..count].Sort(values[..count]);
                counts[i] = count;
            }
        }, ct);
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++) offsets[i + 1] = offsets[i] + counts[i];
        var columns = new int[offsets[n]];
        var kept = new float[offsets[n]];
        for (var i = 0; i < n; i++)
        {
            outItems.AsSpan(i * k, counts[i]).CopyTo(columns.AsSpan(offsets[i]));
            outValues.AsSpan(i * k, counts[i]).CopyTo(kept.AsSpan(offsets[i]));
        }
        return new CsrMatrix(n, n, offsets, columns, kept);
    }
}
