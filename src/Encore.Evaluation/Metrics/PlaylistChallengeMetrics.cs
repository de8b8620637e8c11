namespace Encore.Evaluation.Metrics;

/// <summary>
/// The Million Playlist Dataset challenge's metrics (RecSys Challenge 2018, Zamani et al., ACM TIST 2019), over the
/// ordered recommendations R (at most <see cref="ListLength"/> = 500 are read) and the withheld tracks G
/// (sorted ascending, distinct). docs/protocol-playlist-challenge.md works an example of each.
/// </summary>
public static class PlaylistChallengeMetrics
{
    /// <summary>Number of recommendations the challenge scores per playlist.</summary>
    public const int ListLength = 500;

    /// <summary>Credit for a recommended track that is not withheld but whose artist is (the challenge's artist partial credit).</summary>
    public const double ArtistCredit = 0.25;

    /// <summary>
    /// R-precision with artist partial credit: (|S_T ∩ G_T| + 0.25 |S_A ∩ G_A|) / |G_T|, where S_T are the first |G_T|
    /// recommendations, G_A the distinct artists of the withheld tracks, and S_A the distinct artists of the tracks in
    /// S_T that are not withheld (an exact track match earns no second, artist credit, so the value stays in [0, 1]).
    /// Tracks without an artist (<paramref name="artistOf"/> &lt; 0 or out of range) earn no artist credit.
    /// </summary>
    /// <param name="ranked">Recommendations, best first (track indices).</param>
    /// <param name="withheld">Withheld tracks G_T, sorted ascending.</param>
    /// <param name="artistOf">Artist index of every track (-1 when unknown); empty to score tracks only.</param>
    /// <returns>In [0, 1]; 0 when nothing is withheld.</returns>
    public static double RPrecision(ReadOnlySpan<int> ranked, ReadOnlySpan<int> withheld, ReadOnlySpan<int> artistOf)
    {
        if (withheld.IsEmpty) return 0;
        var truthArtists = new HashSet<int>();
        foreach (var t in withheld)
            if (ArtistOf(t, artistOf) is var a && a >= 0) truthArtists.Add(a);
        var n = Math.Min(withheld.Length, ranked.Length);
        var tracks = 0;
        var creditedArtists = new HashSet<int>();
        for (var r = 0; r < n; r++)
        {
            if (withheld.BinarySearch(ranked[r]) >= 0) { tracks++; continue; }
            var artist = ArtistOf(ranked[r], artistOf);
            if (artist >= 0 && truthArtists.Contains(artist)) creditedArtists.Add(artist);
        }
        return (tracks + ArtistCredit * creditedArtists.Count) / withheld.Length;
    }

    /// <summary>
    /// The challenge's NDCG: DCG = rel_1 + Σ_{i=2..|R|} rel_i / log2(i) over the first 500 recommendations (rel 1 for a
    /// withheld track), divided by IDCG = 1 + Σ_{i=2..|G ∩ R|} 1 / log2(i); 0 when no recommendation is withheld.
    /// </summary>
    /// <returns>In [0, 1].</returns>
    public static double Ndcg(ReadOnlySpan<int> ranked, ReadOnlySpan<int> withheld)
    {
        var n = Math.Min(ListLength, ranked.Length);
        double dcg = 0;
        var hits = 0;
        for (var r = 0; r < n; r++)
        {
            if (withheld.BinarySearch(ranked[r]) < 0) continue;
            hits++;
            var position = r + 1;
            dcg += position == 1 ? 1 : 1 / Math.Log2(position);
        }
        if (hits == 0) return 0;
        double ideal = 1;
        for (var i = 2; i <= hits; i++) ideal += 1 / Math.Log2(i);
        return dcg / ideal;
    }

    /// <summary>
    /// Recommended-songs clicks: Spotify shows 10 tracks per page, so floor((i - 1) / 10) refreshes are needed for the
    /// first withheld track at 1-based position i of the first 500; 51 (one more than the most possible) when none is there.
    /// Same as <see cref="RankingMetrics.Clicks"/> on the first 500.
    /// </summary>
    /// <returns>0..51.</returns>
    public static double Clicks(ReadOnlySpan<int> ranked, ReadOnlySpan<int> withheld) =>
        RankingMetrics.Clicks(ranked[..Math.Min(ListLength, ranked.Length)], withheld);

    private static int ArtistOf(int track, ReadOnlySpan<int> artistOf) => (uint)track < (uint)artistOf.Length ? artistOf[track] : -1;
}
