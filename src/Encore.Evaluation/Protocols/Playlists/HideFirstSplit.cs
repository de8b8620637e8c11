using System.Globalization;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Evaluation.Protocols.Playlists;

/// <summary>
/// SPEC S5's baseline protocol: a seeded sample of playlists with at least two distinct tracks hides each one's first
/// track; the rest of the playlist is the seed, every other playlist trains whole. Scored by hit rate at 100 (is the
/// hidden first track among 100 recommendations), next to the challenge metrics.
/// </summary>
public static class HideFirstSplit
{
    /// <summary>Number of recommendations S5 scored.</summary>
    public const int Recommendations = 100;

    /// <summary>Builds the split with <paramref name="count"/> test playlists (fewer when not enough have two tracks).</summary>
    /// <exception cref="ArgumentException">No playlists, or <paramref name="count"/> &lt;= 0.</exception>
    public static ChallengeSplit Build(PlaylistTable playlists, int trackCount, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(playlists);
        if (count <= 0) throw new ArgumentException($"test playlists must be > 0, got {count}.", nameof(count));
        if (playlists.Count == 0) throw new ArgumentException("the data set has no playlists; the playlist protocols need some (import an MPD slice or make a synthetic world).");
        var order = new int[playlists.Count];
        for (var p = 0; p < order.Length; p++) order[p] = p;
        var rng = Rng.Fork(seed, 0xf1_257);
        rng.Shuffle(order.AsSpan());
        var test = new HashSet<int>();
        foreach (var p in order)
        {
            if (test.Count == count) break;
            if (ChallengeSplit.Distinct(playlists.Tracks[p]).Length >= 2) test.Add(p);
        }
        var rows = new List<int>();
        var cols = new List<int>();
        var tests = new List<ChallengePlaylist>();
        for (var p = 0; p < playlists.Count; p++)
        {
            var tracks = ChallengeSplit.Distinct(playlists.Tracks[p]);
            var first = test.Contains(p) ? 1 : 0;
            for (var i = first; i < tracks.Length; i++) { rows.Add(p); cols.Add(tracks[i]); }
            if (first == 1) tests.Add(new ChallengePlaylist(p, 0, [tracks[0]]));
        }
        var ones = new float[rows.Count];
        Array.Fill(ones, 1f);
        return new ChallengeSplit
        {
            Train = CsrMatrix.FromTriples(playlists.Count, trackCount, [.. rows], [.. cols], ones, DuplicatePolicy.Max),
            Tests = tests,
            CategoryNames = ["hide first track"],
            ShowsTitle = _ => false,
            Label = string.Create(CultureInfo.InvariantCulture, $"playlist-hide-first: {tests.Count} playlists (seed {seed}) hide their first track, {Recommendations} recommendations (SPEC S5), lists filled with popular tracks"),
        };
    }
}
