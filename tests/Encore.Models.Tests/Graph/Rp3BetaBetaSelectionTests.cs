using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Graph;

namespace Encore.Models.Tests.Graph;

/// <summary><see cref="Rp3BetaBetaSelection"/>: beta chosen from the training matrix, checked against plain recomputations.</summary>
public sealed class Rp3BetaBetaSelectionTests
{
    // 300 users x 1,000 items, 10 items each drawn from a Zipf popularity (weight 1 / (rank + 1)); with probability
    // groupShare from the user's own quarter of the items (group = user mod 4), else from all items.
    private static CsrMatrix ZipfWorld(double groupShare, int seed)
    {
        const int users = 300, items = 1000, perUser = 10;
        var rng = new Random(seed);
        var all = Cumulative(Enumerable.Range(0, items).ToArray());
        var own = Enumerable.Range(0, 4).Select(g => Enumerable.Range(0, items).Where(i => i % 4 == g).ToArray()).ToArray();
        var ownCumulative = own.Select(Cumulative).ToArray();
        var (rows, columns) = (new List<int>(), new List<int>());
        for (var u = 0; u < users; u++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < perUser)
                chosen.Add(rng.NextDouble() < groupShare ? own[u % 4][Draw(ownCumulative[u % 4], rng)] : Draw(all, rng));
            foreach (var i in chosen) { rows.Add(u); columns.Add(i); }
        }
        return CsrMatrix.FromTriples(users, items, [.. rows], [.. columns], [.. Enumerable.Repeat(1f, rows.Count)]);

        static double[] Cumulative(int[] ids)
        {
            var c = new double[ids.Length];
            double sum = 0;
            for (var k = 0; k < ids.Length; k++) c[k] = sum += 1.0 / (ids[k] + 1);
            return c;
        }

        static int Draw(double[] cumulative, Random rng)
        {
            var at = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
            return at >= 0 ? at : ~at;
        }
    }

    [Fact]
    public void Choose_NearRandomTableWithPopularitySkew_PicksNoPenalty()
    {
        // Popularity is the only signal: any penalty pushes rare, unrelated items up.
        var sut = Rp3BetaBetaSelection.Choose(ZipfWorld(groupShare: 0, seed: 7), new Rp3BetaOptions());

        Assert.Equal(0.0, sut.Beta);
        Assert.Contains("0.0 ", sut.Reason, StringComparison.Ordinal);
        Assert.Contains("0.4 ", sut.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("0.6 ", sut.Reason, StringComparison.Ordinal); // the climb went left: 0.5 and 0.6 never walked
        Assert.Contains("5 of 7 grid values scored", sut.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.8)]
    public void Choose_IsTheGridValueWithTheBestCarveNdcg_RecomputedWithPlainLoops(double groupShare)
    {
        var x = ZipfWorld(groupShare, seed: 11);
        var options = new Rp3BetaOptions { Threads = 1 };

        var sut = Rp3BetaBetaSelection.Choose(x, options);

        var (inner, heldOut) = Rp3BetaBetaSelection.Carve(x, options.Seed);
        var best = (Beta: -1.0, Ndcg: double.NegativeInfinity);
        foreach (var beta in Rp3BetaBetaSelection.Grid)
        {
            var model = (Rp3BetaModel)new Rp3BetaTrainer(options with { Beta = beta }).Fit(TrainingData.FromMatrix(inner));
            var ndcg = PlainMeanNdcg(model, inner, heldOut);
            if (ndcg > best.Ndcg) best = (beta, ndcg);
        }
        Assert.Equal(best.Beta, sut.Beta);
    }

    // Carve curves over the grid 0, 0.1, ..., 0.6 (defaults-s15.md / s16.md): the climb from 0.3 makes the full scan's choice
    // (the argmax, ties to the smaller beta) and walks only the values it needs.
    [Theory]
    [InlineData(new[] { 0.0597, 0.0555, 0.0528, 0.0519, 0.0494, 0.0481, 0.0481 }, 0, 5)] // piki: falling, climbs left to 0
    [InlineData(new[] { 0.0849, 0.0918, 0.0958, 0.0946, 0.0960, 0.1022, 0.0958 }, 5, 5)] // IUM: a dip at 0.3, still reaches 0.5
    [InlineData(new[] { 0.0955, 0.0969, 0.0931, 0.0781, 0.0477, 0.0178, 0.0062 }, 1, 5)] // binary table
    [InlineData(new[] { 0.1479, 0.1537, 0.1586, 0.1619, 0.1612, 0.1436, 0.1015 }, 3, 3)] // HetRec: the start is the peak
    [InlineData(new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 }, 6, 5)] // rising to the end
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 }, 0, 5)] // flat: ties keep the smaller beta
    public void Climb_CarveCurves_FullScanChoiceFromFewerWalks(double[] curve, int expected, int walks)
    {
        var scores = new double[curve.Length];
        Array.Fill(scores, double.NaN);
        var calls = new List<int>();

        var sut = Rp3BetaBetaSelection.Climb(g => { calls.Add(g); return scores[g] = curve[g]; }, scores);

        Assert.Equal(expected, sut);
        Assert.Equal(Array.IndexOf(curve, curve.Max()), sut); // the full scan's argmax (first of ties)
        Assert.Equal(walks, calls.Count);
        Assert.Equal(calls.Count, calls.Distinct().Count());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(Rp3BetaBetaSelection.MaxScoredUsers, 1)]
    [InlineData(Rp3BetaBetaSelection.MaxScoredUsers + 1, 2)]
    [InlineData(3 * Rp3BetaBetaSelection.MaxScoredUsers, 3)]
    public void ScoringStride_KeepsTheScoredUsersUnderTheCap(int carvedUsers, int expected)
    {
        var rows = Enumerable.Range(0, carvedUsers).ToArray();
        var heldOut = CsrMatrix.FromTriples(carvedUsers + 5, 2, rows, new int[carvedUsers], Enumerable.Repeat(1f, carvedUsers).ToArray());

        Assert.Equal(expected, Rp3BetaBetaSelection.ScoringStride(heldOut));
    }

    // NDCG@10 of each user's carved items in the model's top 10 from the inner history, averaged over users with carved items.
    private static double PlainMeanNdcg(Rp3BetaModel model, CsrMatrix inner, CsrMatrix heldOut)
    {
        double sum = 0;
        var users = 0;
        for (var u = 0; u < inner.Rows; u++)
        {
            var held = heldOut.RowIndices(u).ToArray();
            if (held.Length == 0) continue;
            var (top, _) = model.RecommendFromHistory(inner.RowIndices(u), inner.RowValues(u), 10);
            double dcg = 0, ideal = 0;
            for (var r = 0; r < top.Length; r++) if (held.Contains(top[r])) dcg += 1 / Math.Log2(r + 2);
            for (var r = 0; r < Math.Min(10, held.Length); r++) ideal += 1 / Math.Log2(r + 2);
            sum += dcg / ideal;
            users++;
        }
        return sum / users;
    }

    [Fact]
    public void MeanNdcg_HandWorked()
    {
        // Items 0..3. User 0 holds {0} and held out {1}; weights 0 -> 2 (0.9), 0 -> 1 (0.5): item 1 ranks second, 1 / log2(3).
        // User 1 holds {2} and held out {3}; weights 2 -> 3 (0.4): item 3 ranks first, 1. User 2 has nothing held out.
        var inner = CsrMatrix.FromTriples(3, 4, [0, 1, 2], [0, 2, 3], [1f, 1f, 1f]);
        var heldOut = CsrMatrix.FromTriples(3, 4, [0, 1], [1, 3], [1f, 1f]);
        var weights = CsrMatrix.FromTriples(4, 4, [0, 0, 2], [1, 2, 3], [0.5f, 0.9f, 0.4f]);

        var sut = Rp3BetaBetaSelection.MeanNdcg(inner, heldOut, weights, stride: 1, threads: 1, CancellationToken.None);

        Assert.Equal((1 / Math.Log2(3) + 1) / 2, sut, 10);
    }

    [Fact]
    public void Fit_AsItComes_UsesAndReportsTheChosenBeta()
    {
        var x = ZipfWorld(groupShare: 0, seed: 7);

        var sut = (Rp3BetaModel)new Rp3BetaTrainer().Fit(TrainingData.FromMatrix(x));

        Assert.Equal(0.0, sut.Beta);
        var choice = Assert.Single(sut.DataChoices);
        Assert.Equal("beta", choice.Setting);
        Assert.Equal("0", choice.Value);
        var fixedZero = (Rp3BetaModel)new Rp3BetaTrainer(new Rp3BetaOptions { Beta = 0 }).Fit(TrainingData.FromMatrix(x));
        Assert.Equal(fixedZero.Weights.Values.ToArray(), sut.Weights.Values.ToArray());
    }

    [Fact]
    public void Fit_BetaSetOrChoiceOff_KeepsTheGivenBetaAndReportsNoChoice()
    {
        var data = TrainingData.FromMatrix(ZipfWorld(groupShare: 0, seed: 7));

        var given = (Rp3BetaModel)new Rp3BetaTrainer(new Rp3BetaOptions { Beta = 0.5 }).Fit(data);
        var off = (Rp3BetaModel)new Rp3BetaTrainer(new Rp3BetaOptions { ChooseBeta = false }).Fit(data);

        Assert.Equal(0.5, given.Beta);
        Assert.Empty(given.DataChoices);
        Assert.Equal(0.5, off.Beta);
        Assert.Empty(off.DataChoices);
    }
}
