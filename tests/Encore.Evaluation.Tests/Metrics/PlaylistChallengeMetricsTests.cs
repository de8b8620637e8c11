using Encore.Evaluation.Metrics;

namespace Encore.Evaluation.Tests.Metrics;

/// <summary>Each MPD challenge metric against an example worked by hand from the challenge's definitions.</summary>
public sealed class PlaylistChallengeMetricsTests
{
    // Withheld G = {2, 5, 7}; artists: t0 a0, t1 a1, t2 a0, t3 a2, t4 a1, t5 a1, t6 a3, t7 a2, t8 a0, so G's artists = {a0, a1, a2}.
    private static readonly int[] Withheld = [2, 5, 7];
    private static readonly int[] ArtistOf = [0, 1, 0, 2, 1, 1, 3, 2, 0];

    [Fact]
    public void RPrecision_TrackHitAndTwoArtistMatches_CountsQuarterCredits()
    {
        // First |G| = 3 of R: 5 (withheld: 1), 8 (not withheld, artist a0 in G: 0.25), 4 (not withheld, a1 in G: 0.25).
        // (1 + 0.25 * 2) / 3 = 0.5.
        Assert.Equal(0.5, PlaylistChallengeMetrics.RPrecision([5, 8, 4, 6, 7, 2], Withheld, ArtistOf), 12);
    }

    [Fact]
    public void RPrecision_SameArtistTwice_CreditsTheArtistOnce()
    {
        // 8 and 0 are both by a0 (one credit), 3 by a2 (one credit), no track hit: (0 + 0.25 * 2) / 3 = 1/6.
        Assert.Equal(1.0 / 6, PlaylistChallengeMetrics.RPrecision([8, 0, 3, 2], Withheld, ArtistOf), 12);
        // Beyond the first |G| nothing counts: 2 is at position 4.
        Assert.Equal(0.0, PlaylistChallengeMetrics.RPrecision([6, 6, 6, 2], Withheld, ArtistOf), 12);
        // Tracks only (no artists known) is plain R-precision: 1 hit in 3.
        Assert.Equal(1.0 / 3, PlaylistChallengeMetrics.RPrecision([5, 8, 4], Withheld, []), 12);
        Assert.Equal(1.0, PlaylistChallengeMetrics.RPrecision([7, 2, 5], Withheld, ArtistOf), 12);
    }

    [Fact]
    public void Ndcg_HitsAtOneFiveAndSix_MatchesTheChallengeFormula()
    {
        // DCG = rel_1 + sum_{i>=2} rel_i / log2(i) = 1 + 1/log2(5) + 1/log2(6) = 1.817530;
        // IDCG over |G ∩ R| = 3 hits = 1 + 1/log2(2) + 1/log2(3) = 2.630930; NDCG = 0.690832.
        var sut = PlaylistChallengeMetrics.Ndcg([5, 8, 4, 6, 7, 2], Withheld);

        Assert.Equal(0.690832, sut, 5);
        Assert.Equal((1 + (1 / Math.Log2(5)) + (1 / Math.Log2(6))) / (2 + (1 / Math.Log2(3))), sut, 12);
    }

    [Fact]
    public void Ndcg_EdgeCases()
    {
        // Positions 1 and 2 weigh the same under rel_1 + rel_2 / log2(2): hits at 1 and 2 are ideal.
        Assert.Equal(1.0, PlaylistChallengeMetrics.Ndcg([5, 7, 0], Withheld), 12);
        Assert.Equal(1.0, PlaylistChallengeMetrics.Ndcg([0, 5], Withheld), 12); // one hit at 2: 1 / log2(2) over 1
        Assert.Equal(0.0, PlaylistChallengeMetrics.Ndcg([0, 1, 3], Withheld), 12);
        var late = new int[600];
        Array.Fill(late, 0);
        late[500] = 5; // position 501: outside the 500 scored
        Assert.Equal(0.0, PlaylistChallengeMetrics.Ndcg(late, Withheld), 12);
    }

    [Fact]
    public void Clicks_PagesOfTen()
    {
        static int[] FirstHitAt(int position)
        {
            var list = Enumerable.Repeat(0, 600).ToArray();
            list[position - 1] = 7;
            return list;
        }

        // floor((i - 1) / 10) for the first withheld track at 1-based position i; 51 when none in the first 500.
        Assert.Equal(0, PlaylistChallengeMetrics.Clicks(FirstHitAt(1), Withheld));
        Assert.Equal(0, PlaylistChallengeMetrics.Clicks(FirstHitAt(10), Withheld));
        Assert.Equal(1, PlaylistChallengeMetrics.Clicks(FirstHitAt(11), Withheld));
        Assert.Equal(49, PlaylistChallengeMetrics.Clicks(FirstHitAt(500), Withheld));
        Assert.Equal(51, PlaylistChallengeMetrics.Clicks(FirstHitAt(501), Withheld));
        Assert.Equal(51, PlaylistChallengeMetrics.Clicks([0, 1, 3], Withheld));
        // RankingMetrics.Clicks is the same rule (0-based index / 10).
        Assert.Equal(1, RankingMetrics.Clicks(FirstHitAt(11), Withheld));
    }
}
