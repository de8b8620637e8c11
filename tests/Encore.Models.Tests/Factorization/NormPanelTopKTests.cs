using Encore.Core.Ids;
using Encore.Core.Randomness;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// The norm-ordered panel top-k (early termination by the Cauchy-Schwarz bound) against a brute-force reference:
/// every item scored with the scalar fma chain, seen / excluded / no-signal items masked, the k best selected with
/// ties to the smaller id. Ids and scores must be equal bit for bit.
/// </summary>
public sealed class NormPanelTopKTests
{
    [Theory]
    [InlineData(64, 1000, 10, 2.0)] // skewed norms: most users stop after a few panels
    [InlineData(24, 301, 25, 0.0)] // equal-scale norms, a partial last panel
    [InlineData(8, 40, 50, 1.0)] // k above the item count
    [InlineData(16, 700, 1, 3.0)]
    public void TopK_EqualsBruteForce(int d, int items, int k, double skew)
    {
        var sut = Model(users: 120, items, d, seed: (ulong)(d * 1000 + items), skew, duplicates: false);
        AssertEveryUserEqualsBruteForce(sut, k);
    }

    [Fact]
    public void Batch_EqualsBruteForceForEveryUserOfEveryBlock()
    {
        const int users = 150, k = 10; // three blocks of up to 64 users, groups of four with a partial last group
        var sut = Model(users, items: 900, d: 32, seed: 11, skew: 2.0, duplicates: false);
        var ids = Enumerable.Range(0, users).ToArray();
        var batch = sut.Recommend(ids, k);
        for (var u = 0; u < users; u++)
        {
            var expected = sut.HasSignal(u) ? BruteForce(sut, u, k, sut.Interactions, exclude: null) : ([], []);
            Assert.Equal(expected.Items, batch.ItemsOf(u).ToArray());
            Assert.Equal(expected.Scores, batch.ScoresOf(u).ToArray());
        }
    }

    [Fact]
    public void TopK_DuplicateItemVectors_TiesGoToTheSmallerId()
    {
        // Every item vector appears four times under different ids: each score is tied four ways.
        var sut = Model(users: 60, items: 800, d: 16, seed: 21, skew: 1.5, duplicates: true);
        AssertEveryUserEqualsBruteForce(sut, k: 7);
    }

    [Fact]
    public void TopK_ExcludeListAndNoSeenMask_EqualBruteForce()
    {
        var sut = Model(users: 40, items: 500, d: 16, seed: 31, skew: 2.0, duplicates: false);
        for (var u = 0; u < 40; u++)
        {
            // Exclude the unfiltered top 5 and a few others: the answer must come from further down.
            var top = BruteForce(sut, u, 5, seen: null, exclude: null).Items;
            int[] exclude = [.. top, 3, 77, 499];
            var expected = BruteForce(sut, u, 10, seen: null, exclude);
            var actual = sut.RecommendOne(u, 10, seen: null, exclude);
            Assert.Equal(expected.Items, actual.Items);
            Assert.Equal(expected.Scores, actual.Scores);
            Assert.Empty(actual.Items.Intersect(exclude));
        }
    }

    [Fact]
    public void TopK_ZeroAndNegativeUserVectors_ScanEverythingAndStayExact()
    {
        var sut = Model(users: 10, items: 300, d: 8, seed: 41, skew: 2.0, duplicates: false, zeroFirstUser: true);
        AssertEveryUserEqualsBruteForce(sut, k: 12);
    }

    [Fact]
    public void Bound_IsAboveEveryFloat32Score_EvenForAlignedVectors()
    {
        // All-positive vectors: the dot product meets the Cauchy-Schwarz bound nearly with equality, where rounding matters.
        var rng = new Rng(51);
        const int d = 64, items = 256;
        var factors = new float[items * d];
        for (var i = 0; i < items; i++)
        {
            var scale = MathF.Exp((float)rng.NextGaussian());
            for (var f = 0; f < d; f++) factors[i * d + f] = scale * (1f + (rng.NextFloat() * 1e-3f));
        }
        var panels = new NormPanels(factors, items, d);
        var user = new float[d];
        for (var f = 0; f < d; f++) user[f] = 1f + (rng.NextFloat() * 1e-3f);
        var norm = NormPanels.Norm(user);
        var scores = new float[NormPanels.Width];
        for (var p = 0; p < panels.Count; p++)
        {
            ScoreKernel.One(user, d, panels.Panel(p), NormPanels.Width, 0, NormPanels.Width, scores);
            for (var later = 0; later <= p; later++) // panel p's items are bounded by every earlier panel's bound too
                Assert.All(scores, s => Assert.True(s <= panels.Bound(later, norm), $"score {s} above bound {panels.Bound(later, norm)}"));
        }
        for (var p = 1; p < panels.Count; p++) Assert.True(panels.PanelNorms[p] <= panels.PanelNorms[p - 1]);
    }

    // Every user's single-user top-k (seen items masked) equals the brute force, ids and scores bit for bit.
    private static void AssertEveryUserEqualsBruteForce(AlsModel sut, int k)
    {
        for (var u = 0; u < sut.Users.Count; u++)
        {
            var expected = BruteForce(sut, u, k, sut.Interactions, exclude: null);
            var actual = sut.RecommendOne(u, k, sut.Interactions);
            Assert.Equal(expected.Items, actual.Items);
            Assert.Equal(expected.Scores, actual.Scores);
        }
    }

    private static (int[] Items, float[] Scores) BruteForce(AlsModel model, int user, int k, CsrMatrix? seen, IReadOnlyList<int>? exclude)
    {
        var n = model.Items.Count;
        var all = Enumerable.Range(0, n).ToArray();
        var scores = new float[n];
        model.Score(user, all, scores); // the scalar fma chain, f = 0..d-1
        if (seen is not null)
            foreach (var i in seen.RowIndices(user)) scores[i] = float.NaN;
        if (exclude is not null)
            foreach (var i in exclude) scores[i] = float.NaN;
        if (model.NoSignalItems is { } none)
            for (var i = 0; i < n; i++)
                if (none[i]) scores[i] = float.NaN;
        var heap = new TopKSelector(Math.Min(k, n));
        heap.OfferAll(scores);
        var items = new int[heap.Count];
        var values = new float[heap.Count];
        heap.Drain(items, values);
        return (items, values);
    }

    // Item rows scaled by exp(skew x Gaussian), as popularity skews ALS item norms; every item has signal except every 13th.
    private static AlsModel Model(int users, int items, int d, ulong seed, double skew, bool duplicates, bool zeroFirstUser = false)
    {
        var rng = new Rng(seed);
        var userFactors = new float[users * d];
        var itemFactors = new float[items * d];
        for (var i = 0; i < userFactors.Length; i++) userFactors[i] = (float)rng.NextGaussian() * 0.3f;
        if (zeroFirstUser) Array.Clear(userFactors, 0, d);
        for (var i = 0; i < items; i++)
        {
            if (duplicates && i % 4 != 0)
            {
                itemFactors.AsSpan((i - (i % 4)) * d, d).CopyTo(itemFactors.AsSpan(i * d, d));
                continue;
            }
            var scale = (float)Math.Exp(skew * rng.NextGaussian());
            for (var f = 0; f < d; f++) itemFactors[i * d + f] = (float)rng.NextGaussian() * 0.1f * scale;
        }
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < users; u++)
            for (var j = 0; j < 8; j++)
            {
                rows.Add(u);
                cols.Add(rng.NextInt(items));
            }
        for (var i = 0; i < items; i++)
            if (i % 13 != 0)
            {
                rows.Add(i % users);
                cols.Add(i);
            }
        var seen = CsrMatrix.FromTriples(users, items, [.. rows], [.. cols], [.. Enumerable.Repeat(1f, rows.Count)], DuplicatePolicy.Max);
        return new AlsModel(IdMap.FromIds(Enumerable.Range(0, users).Select(u => "u" + u)), IdMap.FromIds(Enumerable.Range(0, items).Select(t => "t" + t)),
            seen, d, userFactors, itemFactors, 1f, 0.01f);
    }
}
