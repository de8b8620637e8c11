using System.Globalization;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Evaluation.Protocols.SampledNegatives;

/// <summary>
/// SPEC S5's labelled protocol: every playlist with at least 3 distinct tracks, 2 of them also in another playlist (at
/// most <c>playlists</c> of them, a seeded sample), hides one seeded track of those as a test positive and another as
/// a validation positive; each positive gets one negative, a track drawn uniformly (seeded) among the tracks that occur
/// in training and are not in that playlist at all. Positives and negatives are thus both tracks the models know (a
/// positive left without any training playlist is dropped with its negative), both label sets are balanced 1:1, and a
/// random scorer has accuracy and ROC AUC 0.5 in expectation. Models train on the remaining pairs; validation picks
/// each model's decision threshold.
/// </summary>
public sealed class SampledNegativeSplit
{
    /// <summary>Smallest playlist (distinct tracks) that can give a test and a validation positive and keep one for training.</summary>
    public const int MinimumTracks = 3;

    /// <value>Playlists x tracks training matrix (value 1 per kept pair).</value>
    public required CsrMatrix Train { get; init; }

    /// <value>Validation pairs (threshold choice), positives and negatives interleaved.</value>
    public required IReadOnlyList<LabelledPair> Validation { get; init; }

    /// <value>Test pairs, positives and negatives interleaved.</value>
    public required IReadOnlyList<LabelledPair> Test { get; init; }

    /// <value>Protocol label for the output.</value>
    public required string Label { get; init; }

    /// <summary>Builds the split.</summary>
    /// <param name="playlists">The data set's playlists.</param>
    /// <param name="trackCount">Tracks in the data set (matrix columns).</param>
    /// <param name="maxPlaylists">Largest number of test playlists (a seeded sample when more are eligible); &gt; 0.</param>
    /// <param name="seed">Seed of the playlist sample, the held-out tracks and the negatives.</param>
    /// <exception cref="ArgumentException">No playlists, <paramref name="maxPlaylists"/> &lt;= 0, or no playlist has 3 distinct tracks.</exception>
    public static SampledNegativeSplit Build(PlaylistTable playlists, int trackCount, int maxPlaylists, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(playlists);
        if (maxPlaylists <= 0) throw new ArgumentException($"test playlists must be > 0, got {maxPlaylists}.", nameof(maxPlaylists));
        if (playlists.Count == 0) throw new ArgumentException("the data set has no playlists; sampled-negatives needs some (import an MPD slice or make a synthetic world).");
        var order = new int[playlists.Count];
        for (var p = 0; p < order.Length; p++) order[p] = p;
        var rng = Rng.Fork(seed, 0x5a_4e6);
        rng.Shuffle(order.AsSpan());
        var tracks = new int[playlists.Count][];
        for (var p = 0; p < tracks.Length; p++) tracks[p] = Playlists.ChallengeSplit.Distinct(playlists.Tracks[p]);
        var playlistsOf = new int[trackCount];
        foreach (var list in tracks)
            foreach (var t in list) playlistsOf[t]++;
        var held = new Dictionary<int, (int Test, int Validation)>();
        foreach (var p in order)
        {
            if (held.Count == maxPlaylists) break;
            if (tracks[p].Length < MinimumTracks) continue;
            var picks = tracks[p].Where(t => playlistsOf[t] >= 2).ToArray();
            if (picks.Length < 2) continue;
            rng.Shuffle(picks.AsSpan());
            held[p] = (picks[0], picks[1]);
        }
        if (held.Count == 0)
            throw new ArgumentException($"no playlist has {MinimumTracks} distinct tracks with 2 of them also in another playlist; sampled-negatives holds out two known tracks per playlist and keeps one for training.");

        var rows = new List<int>();
        var cols = new List<int>();
        var inTraining = new bool[trackCount];
        for (var p = 0; p < tracks.Length; p++)
        {
            var hidden = held.TryGetValue(p, out var h) ? h : (Test: -1, Validation: -1);
            foreach (var t in tracks[p])
            {
                if (t == hidden.Test || t == hidden.Validation) continue;
                rows.Add(p);
                cols.Add(t);
                inTraining[t] = true;
            }
        }
        var candidates = Enumerable.Range(0, trackCount).Where(t => inTraining[t]).ToArray();
        var test = new List<LabelledPair>();
        var validation = new List<LabelledPair>();
        foreach (var p in order)
        {
            if (!held.TryGetValue(p, out var h)) continue;
            var members = new HashSet<int>(tracks[p]);
            if (members.Count >= candidates.Length) continue; // no track outside the playlist to draw
            var testNegative = Negative(ref rng, candidates, members);
            var validationNegative = Negative(ref rng, candidates, members);
            // A positive whose every other playlist hid it too has no training playlist left: unknowable, dropped.
            if (inTraining[h.Test])
            {
                test.Add(new LabelledPair(p, h.Test, true));
                test.Add(new LabelledPair(p, testNegative, false));
            }
            if (inTraining[h.Validation])
            {
                validation.Add(new LabelledPair(p, h.Validation, true));
                validation.Add(new LabelledPair(p, validationNegative, false));
            }
        }
        var ones = new float[rows.Count];
        Array.Fill(ones, 1f);
        return new SampledNegativeSplit
        {
            Train = CsrMatrix.FromTriples(playlists.Count, trackCount, [.. rows], [.. cols], ones, DuplicatePolicy.Max),
            Test = test,
            Validation = validation,
            Label = string.Create(CultureInfo.InvariantCulture,
                $"sampled-negatives: {test.Count / 2} playlists (seed {seed}) each hide 1 test and 1 validation track known from other playlists; 1:1 sampled negatives (tracks seen in training, not in the playlist); threshold chosen on validation"),
        };
    }

    private static int Negative(ref Rng rng, int[] candidates, HashSet<int> members)
    {
        while (true)
        {
            var t = candidates[rng.NextInt(candidates.Length)];
            if (!members.Contains(t)) return t;
        }
    }
}
