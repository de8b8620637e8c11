using Encore.Core.Randomness;
using Encore.Models.Factorization.Warp;

namespace Encore.Models.Tests.Factorization.Warp;

public sealed class WarpRankTests
{
    [Theory]
    [InlineData(17633, 1, 17632)]
    [InlineData(17633, 10, 1763)]
    [InlineData(101, 3, 33)]
    [InlineData(11, 10, 1)]
    [InlineData(5, 10, 1)] // floor(4 / 10) = 0: the rank is clipped to 1, weight 0
    public void Weight_IsLogOfFlooredRankEstimate(int items, int draws, int rank) =>
        Assert.Equal(Math.Log(rank), WarpRank.Weight(items, draws), 5);

    [Fact]
    public void Loss_ScalesBySampleWeightAndClipsAtMaxLoss()
    {
        Assert.Equal(2 * Math.Log(33), WarpRank.Loss(2f, 101, 3), 5);
        Assert.Equal(WarpRank.MaxLoss, WarpRank.Loss(3f, 17633, 1));
    }

    [Fact]
    public void FindViolator_StopsAtFirstItemAboveMarginCountingOnlyUnseenDraws()
    {
        // d = 1, user [1, 1], item rows [0, b]: s_uj = b_j. Seen items 0 and 1; the positive scores 2, so j violates if b_j > 1.
        const int items = 20;
        var rows = new float[items * 2];
        for (var j = 0; j < items; j++) rows[2 * j + 1] = j % 5 == 4 ? 1.5f : 0.5f;
        int[] seen = [0, 1];
        float[] user = [1f, 1f];
        for (ulong seed = 0; seed < 50; seed++)
        {
            // The definition, written out: draw, redraw seen items without counting, stop at the first b_j > 1 or after 3 draws.
            var reference = new Rng(seed);
            int expected = -1, expectedDraws = 0;
            for (var draw = 1; draw <= 3 && expected < 0; draw++)
            {
                int j;
                do j = reference.NextInt(items); while (j < 2);
                expectedDraws = draw;
                if (rows[2 * j + 1] > 1f) expected = j;
            }
            var rng = new Rng(seed);
            var found = WarpSampler.FindViolator(ref rng, seen, rows, user, items, 3, 2f, out var draws, out var score);
            Assert.Equal(expected, found);
            Assert.Equal(expectedDraws, draws);
            if (found >= 0) Assert.Equal(1.5f, score);
        }
    }

    [Fact]
    public void FindViolator_NoItemAboveMargin_ReturnsNoneAfterMaxSampled()
    {
        var rows = new float[10 * 2];
        var rng = new Rng(3);
        var found = WarpSampler.FindViolator(ref rng, [0], rows, [1f, 1f], 10, 7, 5f, out var draws, out _);
        Assert.Equal(-1, found);
        Assert.Equal(7, draws);
    }
}
