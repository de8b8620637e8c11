using Encore.Core.Ids;
using Encore.Core.Randomness;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization;
using Encore.Models.Factorization.Als;

namespace Encore.Models.Tests.Factorization;

public sealed class ReducedPrecisionTests
{
    [Theory]
    [InlineData(64, 1000, 10)]
    [InlineData(24, 300, 25)]
    [InlineData(8, 40, 50)] // k above the item count: every item is a candidate
    public void TopK_RandomFactors_EqualsFloat32TopKBitForBit(int d, int items, int k)
    {
        var sut = Model(users: 200, items, d, seed: (ulong)(d + items), nearTies: false);
        for (var u = 0; u < 200; u++)
            AssertSameTopK(sut, u, k);
    }

    [Fact]
    public void TopK_NearTies_EqualsFloat32TopKWhereFloat16AloneDoesNot()
    {
        const int users = 100, k = 10;
        var sut = Model(users, items: 2000, d: 64, seed: 5, nearTies: true);
        var differs = 0;
        for (var u = 0; u < users; u++)
        {
            AssertSameTopK(sut, u, k);
            var exact = Float32TopK(sut, u, k);
            var scores = new float[sut.Items.Count];
            sut.ScoreVectorReducedPrecision(sut.UserVector(u), scores, new float[sut.ReducedPrecisionScratchLength]);
            if (!RankingFilter.Select(scores, null, k).Items.SequenceEqual(exact.Items)) differs++;
        }
        // The planted near-ties are closer than float16 resolves: the float16 scores alone reorder the top-k.
        Assert.True(differs > users / 2, $"float16 alone kept the float32 order for {users - differs} of {users} users");
    }

    [Fact]
    public void ErrorBound_HoldsForEveryItem()
    {
        var sut = Model(users: 50, items: 777, d: 64, seed: 9, nearTies: false);
        var exact = new float[777];
        var approx = new float[777];
        var scratch = new float[sut.ReducedPrecisionScratchLength];
        for (var u = 0; u < 50; u++)
        {
            var x = sut.UserVector(u);
            sut.ScoreVector(x, exact);
            sut.ScoreVectorReducedPrecision(x, approx, scratch);
            var bound = sut.ReducedPrecisionErrorBound(x);
            for (var i = 0; i < exact.Length; i++)
                Assert.True(Math.Abs(exact[i] - approx[i]) <= bound, $"user {u} item {i}: |{exact[i]} - {approx[i]}| > {bound}");
        }
    }

    [Fact]
    public void SupportsReducedPrecision_FactorBeyondFloat16Range_IsFalse()
    {
        var sut = Model(users: 4, items: 20, d: 8, seed: 1, nearTies: false, scale: 1e6f);
        Assert.False(sut.SupportsReducedPrecision);
        Assert.Throws<InvalidOperationException>(() => sut.ScoreVectorReducedPrecision(sut.UserVector(0), new float[20], new float[sut.ReducedPrecisionScratchLength]));
    }

    [Fact]
    public void RescoreCandidates_MaskedItemsStayExcluded()
    {
        var sut = Model(users: 10, items: 500, d: 32, seed: 3, nearTies: false);
        var exact = Float32TopK(sut, 0, 10);
        var scores = new float[500];
        sut.ScoreVectorReducedPrecision(sut.UserVector(0), scores, new float[sut.ReducedPrecisionScratchLength]);
        foreach (var item in exact.Items) scores[item] = float.NaN; // filtered out, e.g. seen
        sut.RescoreCandidates(sut.UserVector(0), scores, 10, new TopKSelector(10));
        var top = RankingFilter.Select(scores, null, 10).Items;
        Assert.Empty(top.Intersect(exact.Items));
        Assert.Equal(10, top.Length);
    }

    private static void AssertSameTopK(AlsModel sut, int user, int k)
    {
        var expected = Float32TopK(sut, user, k);
        var scores = new float[sut.Items.Count];
        var x = sut.UserVector(user);
        sut.ScoreVectorReducedPrecision(x, scores, new float[sut.ReducedPrecisionScratchLength]);
        var rescored = sut.RescoreCandidates(x, scores, k, new TopKSelector(Math.Min(k, sut.Items.Count)));
        Assert.InRange(rescored, Math.Min(k, sut.Items.Count), sut.Items.Count);
        var actual = RankingFilter.Select(scores, null, k);
        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.Scores, actual.Scores);
    }

    private static (int[] Items, float[] Scores) Float32TopK(AlsModel model, int user, int k)
    {
        var scores = new float[model.Items.Count];
        model.ScoreVector(model.UserVector(user), scores);
        return RankingFilter.Select(scores, null, k);
    }

    // Random factors; with nearTies, the items are one shared vector plus perturbations of relative size 1e-4, far
    // below float16's 2^-11 = 4.9e-4 resolution, so float16 scores alone cannot order them.
    private static AlsModel Model(int users, int items, int d, ulong seed, bool nearTies, float scale = 1f)
    {
        var rng = new Rng(seed);
        var u = new float[users * d];
        var y = new float[items * d];
        for (var i = 0; i < u.Length; i++) u[i] = scale * (rng.NextFloat() - 0.5f);
        var shared = new float[d];
        for (var f = 0; f < d; f++) shared[f] = rng.NextFloat() - 0.5f;
        for (var i = 0; i < y.Length; i++)
            y[i] = nearTies ? shared[i % d] * (1 + 1e-4f * (rng.NextFloat() - 0.5f)) : scale * (rng.NextFloat() - 0.5f);
        var empty = new CsrMatrix(users, items, new int[users + 1], [], []);
        return new AlsModel(IdMap.FromIds(Enumerable.Range(0, users).Select(i => $"u{i}")), IdMap.FromIds(Enumerable.Range(0, items).Select(i => $"t{i}")),
            empty, d, u, y, 1f, 0.01f);
    }
}
