using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// How much direct evidence the liked and the not-liked candidates have (shares of candidates), and what the
/// Bayesian fallback gives them: the numbers that explain why the S4 strategies rank as they do. Computed
/// from the Bayesian-with-siblings features of a candidate set.
/// </summary>
/// <param name="Group">"liked" or "not liked".</param>
/// <param name="Candidates">Number of candidates in the group.</param>
/// <param name="AlbumRated">Share whose album the user rated.</param>
/// <param name="AlbumFromSiblings">Share whose album score came from the user's ratings of sibling tracks.</param>
/// <param name="ArtistRated">Share whose artist the user rated.</param>
/// <param name="GenreRated">Share with at least one genre the user rated.</param>
/// <param name="NoEvidence">Share with none of the above (every level falls to mu_i or M).</param>
/// <param name="BayesianAlbumMean">Mean album mu_i over candidates whose album score is Bayesian (NaN when none).</param>
/// <param name="BayesianArtistMean">Mean artist mu_i over candidates whose artist score is Bayesian (NaN when none).</param>
/// <param name="TrackPriorMean">Mean track-level mu_i (the track's smoothed global score).</param>
public sealed record EvidenceCoverage(string Group, int Candidates, double AlbumRated, double AlbumFromSiblings, double ArtistRated,
    double GenreRated, double NoEvidence, double BayesianAlbumMean, double BayesianArtistMean, double TrackPriorMean)
{
    /// <summary>One row for the liked and one for the not-liked candidates.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static IReadOnlyList<EvidenceCoverage> Compute(ReadOnlySpan<PairFeatures> features, ReadOnlySpan<bool> labels)
    {
        if (features.Length != labels.Length) throw new ArgumentException($"{features.Length} feature rows for {labels.Length} labels.");
        return [Of("liked", features, labels, true), Of("not liked", features, labels, false)];
    }

    /// <summary>
    /// Share of lists in which the last predicted-liked and the first predicted-not-liked score are equal, so the
    /// cut between them is decided by list order, not by the model (<paramref name="scores"/> aligned with <paramref name="set"/>).
    /// </summary>
    public static double TiedCutShare(ReadOnlySpan<double> scores, CandidateSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Blocks == 0) return 0;
        var block = new double[set.BlockSize];
        var tied = 0;
        for (var b = 0; b < set.Blocks; b++)
        {
            scores.Slice(b * set.BlockSize, set.BlockSize).CopyTo(block);
            Array.Sort(block);
            Array.Reverse(block);
            if (block[set.Liked - 1] == block[set.Liked]) tied++;
        }
        return (double)tied / set.Blocks;
    }

    private static EvidenceCoverage Of(string name, ReadOnlySpan<PairFeatures> features, ReadOnlySpan<bool> labels, bool liked)
    {
        int n = 0, album = 0, siblings = 0, artist = 0, genre = 0, none = 0, bayesAlbums = 0, bayesArtists = 0;
        double albumSum = 0, artistSum = 0, priorSum = 0;
        for (var i = 0; i < features.Length; i++)
        {
            if (labels[i] != liked) continue;
            var f = features[i];
            n++;
            if (f.AlbumSource == FeatureSource.User) album++;
            if (f.AlbumSource == FeatureSource.Sibling) siblings++;
            if (f.ArtistSource == FeatureSource.User) artist++;
            if (f.GenreCount > 0) genre++;
            if (!StrategyScorer.HasEvidence(f)) none++;
            if (f.AlbumSource == FeatureSource.Bayesian) { bayesAlbums++; albumSum += f.AlbumScore; }
            if (f.ArtistSource == FeatureSource.Bayesian) { bayesArtists++; artistSum += f.ArtistScore; }
            priorSum += f.TrackPrior;
        }
        double Share(int k) => n == 0 ? 0 : (double)k / n;
        return new EvidenceCoverage(name, n, Share(album), Share(siblings), Share(artist), Share(genre), Share(none),
            bayesAlbums == 0 ? double.NaN : albumSum / bayesAlbums, bayesArtists == 0 ? double.NaN : artistSum / bayesArtists,
            n == 0 ? double.NaN : priorSum / n);
    }
}
