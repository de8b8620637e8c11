using System.Globalization;
using System.Text;
using Encore.Core.Parallelism;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Training;

namespace Encore.Models.Graph;

/// <summary>
/// RP3beta's popularity penalty chosen from the training matrix. How much to divide by popularity(j)^beta depends on the
/// data: on HetRec (users with 50 artists each, strong co-listening) beta 0.4-0.5 is best, while on a sparse binary table
/// whose rare items share few listeners beta 0.5 lifts one-listener items above every supported neighbour and falls to
/// 0.047 NDCG@10 against popularity's 0.076 (bench/results/defaults-s15.md). Rule: carve
/// <see cref="HeldOutShare"/> of each user's pairs (seeded, <see cref="ValidationCarve"/>), build the walk on the rest once,
/// and keep the <see cref="Grid"/> value whose weights give the best mean NDCG@10 of the carved pairs (full ranking over
/// the items the user has not got in the inner part; ties keep the smaller beta). Cost: one carve walk per grid value
/// (7 walks) and a scoring pass of at most <see cref="MaxScoredUsers"/> carved users per grid value. Deterministic for a seed.
/// </summary>
public static class Rp3BetaBetaSelection
{
    /// <summary>The candidate values of beta, ascending (0 = no penalty; above 0.6 collapsed on every kind of data measured).</summary>
    public static IReadOnlyList<double> Grid { get; } = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

    /// <summary>Share of each user's training pairs held out to score a beta.</summary>
    public const double HeldOutShare = 0.2;

    /// <summary>Cut-off of the NDCG that scores a beta.</summary>
    public const int CutOff = 10;

    /// <summary>
    /// Most carved users scored per candidate: above it every s-th user with carved pairs is scored (s the smallest
    /// stride that keeps the count under it), so the choice costs a bounded scoring pass on large data; 20,000 users give
    /// the mean NDCG a standard error near 0.002, below the gaps between grid values that matter.
    /// </summary>
    public const int MaxScoredUsers = 20_000;

    /// <summary>Chooses beta for <paramref name="x"/> (users x items, the values the walk uses) under the other settings of <paramref name="options"/>.</summary>
    /// <returns>The chosen value and a line with every grid value's NDCG@10; <see cref="Rp3BetaOptions.Beta"/> with a reason when no user has a carved pair.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static BetaChoice Choose(CsrMatrix x, Rp3BetaOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        var (inner, heldOut) = Carve(x, options.Seed);
        if (heldOut.NonZeros == 0) return new BetaChoice(options.Beta, "no user has two items to carve a validation pair from; the fixed default is kept");
        var walk = Rp3BetaTrainer.Transitions.Of(inner, options.Alpha);
        var stride = ScoringStride(heldOut);
        var scores = new double[Grid.Count];
        Array.Fill(scores, double.NaN);
        var best = Climb(g => scores[g] = MeanNdcg(inner, heldOut, Rp3BetaTrainer.Weights(walk, Grid[g], options, ct), stride, options.Threads, ct), scores);
        var scored = scores.Count(double.IsFinite);
        var reason = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"NDCG@{CutOff} of a {HeldOutShare * 100:0}% carve of the training pairs ({heldOut.NonZeros:N0} pairs{(stride > 1 ? $", every {stride}th user scored" : "")}; {scored} of {Grid.Count} grid values scored, climbing from {Grid[Start]:0.0}):"));
        for (var g = 0; g < Grid.Count; g++)
            if (double.IsFinite(scores[g])) reason.Append(CultureInfo.InvariantCulture, $" {Grid[g]:0.0} {scores[g]:F4}{(g == best ? "*" : "")}");
        return new BetaChoice(Grid[best], reason.ToString());
    }

    /// <summary>The grid index the search starts from (0.3, the middle of the grid).</summary>
    internal const int Start = 3;

    /// <summary>
    /// Hill climb over the grid from <see cref="Start"/>: score it and its two neighbours, then step towards the better
    /// neighbour while the next value scores higher (to the left: at least as high, so ties keep the smaller beta, as a
    /// full scan would). Where the scores over the grid rise to one peak and fall (every carve curve measured,
    /// bench/results/defaults-s16.md) this is the full scan's choice, from 3-5 walks instead of 7.
    /// </summary>
    /// <param name="score">Scores grid index g (and stores it in <paramref name="scores"/>[g]); called at most once per index.</param>
    /// <param name="scores">One slot per grid value, NaN until scored.</param>
    /// <returns>The chosen grid index.</returns>
    internal static int Climb(Func<int, double> score, double[] scores)
    {
        double At(int g) => double.IsNaN(scores[g]) ? score(g) : scores[g];
        var c = Start;
        var here = At(c);
        if (c > 0 && At(c - 1) >= here && (c + 1 >= scores.Length || At(c - 1) >= At(c + 1)))
        {
            while (c > 0 && At(c - 1) >= At(c)) c--;
            return c;
        }
        while (c + 1 < scores.Length && At(c + 1) > At(c)) c++;
        return c;
    }

    /// <summary>The inner part and the carved pairs of <paramref name="x"/> for <paramref name="seed"/> (the model's seed, salted so the carve differs from evaluate's).</summary>
    internal static (CsrMatrix Inner, CsrMatrix HeldOut) Carve(CsrMatrix x, ulong seed) => ValidationCarve.Split(x, HeldOutShare, seed ^ 0x7E7A_5E1EUL);

    /// <summary>The stride of the users scored per candidate: 1 up to <see cref="MaxScoredUsers"/> carved users.</summary>
    internal static int ScoringStride(CsrMatrix heldOut)
    {
        var carved = 0;
        for (var u = 0; u < heldOut.Rows; u++) if (heldOut.RowLength(u) > 0) carved++;
        return Math.Max(1, (carved + MaxScoredUsers - 1) / MaxScoredUsers);
    }

    /// <summary>
    /// Mean over users u with carved pairs and u % <paramref name="stride"/> == 0 of NDCG@<see cref="CutOff"/> of their
    /// carved items (<see cref="BinaryNdcg"/>), each user's items scored sum_i x_ui W[i][j] from the inner part (inner items
    /// excluded; items with no walk score are never listed).
    /// </summary>
    internal static double MeanNdcg(CsrMatrix inner, CsrMatrix heldOut, CsrMatrix weights, int stride, int threads, CancellationToken ct)
    {
        var n = inner.Columns;
        var perUser = new double[inner.Rows];
        ParallelLoop.For(inner.Rows, threads, _ => (Acc: new float[n], Touched: new int[n], Mark: new bool[n], Heap: new TopKSelector(CutOff), Ids: new int[CutOff], Top: new float[CutOff]), (start, end, s) =>
        {
            for (var u = start; u < end; u++)
            {
                var held = heldOut.RowIndices(u);
                if (held.Length == 0 || u % stride != 0) continue;
                var history = inner.RowIndices(u);
                var values = inner.RowValues(u);
                var touched = 0;
                for (var p = 0; p < history.Length; p++)
                {
                    var row = weights.RowIndices(history[p]);
                    var w = weights.RowValues(history[p]);
                    for (var q = 0; q < row.Length; q++)
                    {
                        if (!s.Mark[row[q]]) { s.Mark[row[q]] = true; s.Touched[touched++] = row[q]; }
                        s.Acc[row[q]] += values[p] * w[q];
                    }
                }
                foreach (var i in history) s.Acc[i] = 0; // seen items are never recommended
                s.Heap.Reset(CutOff);
                for (var t = 0; t < touched; t++)
                {
                    var j = s.Touched[t];
                    if (s.Acc[j] > 0) s.Heap.Offer(j, s.Acc[j]);
                    s.Acc[j] = 0;
                    s.Mark[j] = false;
                }
                var count = s.Heap.Drain(s.Ids, s.Top);
                perUser[u] = BinaryNdcg.At(s.Ids.AsSpan(0, count), held, CutOff);
            }
        }, ct);
        var users = 0;
        double sum = 0;
        for (var u = 0; u < perUser.Length; u++)
            if (heldOut.RowLength(u) > 0 && u % stride == 0) { users++; sum += perUser[u]; }
        return sum / users;
    }
}

/// <summary>RP3beta's beta chosen from the data (<see cref="Rp3BetaBetaSelection"/>).</summary>
/// <param name="Beta">The chosen penalty exponent.</param>
/// <param name="Reason">Every candidate's NDCG@10 on the carve, the chosen one starred.</param>
public sealed record BetaChoice(double Beta, string Reason);
