using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Evaluation.Protocols.Playlists;

/// <summary>One test playlist of the challenge protocol: its row in the training matrix, category, and withheld tracks (sorted).</summary>
/// <param name="Playlist">Dense playlist index (the row of <see cref="ChallengeSplit.Train"/>).</param>
/// <param name="Category">Index into <see cref="ChallengeCategory.All"/>.</param>
/// <param name="Withheld">Tracks to be found, sorted ascending, distinct.</param>
public sealed record ChallengePlaylist(int Playlist, int Category, int[] Withheld);

/// <summary>
/// The Million Playlist Dataset challenge built from a data set's playlists: a seeded set of test playlists per
/// category (disjoint; the categories with the most seeds choose first, so long playlists are not used up by short
/// categories), each showing its seeds (first k distinct tracks, or k drawn at random) and withholding the rest.
/// Training holds every other playlist whole (value 1 per distinct track) and the test playlists' seeds only;
/// playlists are the rows ("users"), tracks the columns.
/// </summary>
public sealed class ChallengeSplit
{
    /// <summary>Playlists x tracks training matrix (values 1).</summary>
    public required CsrMatrix Train { get; init; }

    /// <summary>Test playlists in category order.</summary>
    public required IReadOnlyList<ChallengePlaylist> Tests { get; init; }

    /// <summary>Names of the categories <see cref="ChallengePlaylist.Category"/> indexes.</summary>
    public IReadOnlyList<string> CategoryNames { get; init; } = [.. ChallengeCategory.All.Select(c => c.Name)];

    /// <summary>Whether a category shows the playlist's title (the title fill may use it). Default: the challenge categories' rule.</summary>
    public Func<int, bool> ShowsTitle { get; init; } = c => ChallengeCategory.All[c].Title;

    /// <summary>What the split is, for the protocol label.</summary>
    public string Label { get; init; } = "playlist-challenge";

    /// <summary>
    /// Builds the split. A playlist is eligible for a category when it has more distinct tracks than the category's seeds
    /// (at least one is withheld) and, for categories with a title, a non-empty name.
    /// </summary>
    /// <param name="playlists">The data set's playlists (track indices in playlist order).</param>
    /// <param name="trackCount">Number of tracks (columns).</param>
    /// <param name="perCategory">Test playlists per category (fewer when not enough are eligible); the challenge used 1,000.</param>
    /// <param name="seed">Seed of the choice of test playlists and of the random seeds.</param>
    /// <exception cref="ArgumentException">No playlists, or <paramref name="perCategory"/> &lt;= 0.</exception>
    public static ChallengeSplit Build(PlaylistTable playlists, int trackCount, int perCategory, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(playlists);
        if (perCategory <= 0) throw new ArgumentException($"playlists per category must be > 0, got {perCategory}.", nameof(perCategory));
        if (playlists.Count == 0) throw new ArgumentException("the data set has no playlists; the playlist protocols need some (import an MPD slice or make a synthetic world).");
        var distinct = new int[playlists.Count][];
        for (var p = 0; p < distinct.Length; p++) distinct[p] = Distinct(playlists.Tracks[p]);

        var order = new int[playlists.Count];
        for (var p = 0; p < order.Length; p++) order[p] = p;
        var rng = Rng.Fork(seed, 0x5eed_c4a1);
        rng.Shuffle(order.AsSpan());

        var category = new int[playlists.Count];
        Array.Fill(category, -1);
        var byDemand = Enumerable.Range(0, ChallengeCategory.All.Count).OrderByDescending(c => ChallengeCategory.All[c].Seeds).ThenBy(c => c).ToArray();
        foreach (var c in byDemand)
        {
            var cat = ChallengeCategory.All[c];
            var taken = 0;
            foreach (var p in order)
            {
                if (taken == perCategory) break;
                if (category[p] >= 0 || distinct[p].Length <= cat.Seeds) continue;
                if (cat.Title && string.IsNullOrWhiteSpace(playlists.Names[p])) continue;
                category[p] = c;
                taken++;
            }
        }

        var rows = new List<int>();
        var cols = new List<int>();
        var tests = new List<ChallengePlaylist>();
        for (var p = 0; p < playlists.Count; p++)
        {
            var tracks = distinct[p];
            if (category[p] < 0)
            {
                foreach (var t in tracks) { rows.Add(p); cols.Add(t); }
                continue;
            }
            var cat = ChallengeCategory.All[category[p]];
            var shown = new bool[tracks.Length];
            if (cat.Random)
            {
                var pick = Enumerable.Range(0, tracks.Length).ToArray();
                var local = Rng.Fork(seed, (ulong)p + 1);
                local.Shuffle(pick.AsSpan());
                for (var i = 0; i < cat.Seeds; i++) shown[pick[i]] = true;
            }
            else
            {
                for (var i = 0; i < cat.Seeds; i++) shown[i] = true;
            }
            var withheld = new List<int>();
            for (var i = 0; i < tracks.Length; i++)
            {
                if (shown[i]) { rows.Add(p); cols.Add(tracks[i]); }
                else withheld.Add(tracks[i]);
            }
            withheld.Sort();
            tests.Add(new ChallengePlaylist(p, category[p], [.. withheld]));
        }
        var ones = new float[rows.Count];
        Array.Fill(ones, 1f);
        var train = CsrMatrix.FromTriples(playlists.Count, trackCount, [.. rows], [.. cols], ones, DuplicatePolicy.Max);
        return new ChallengeSplit
        {
            Train = train,
            Tests = [.. tests.OrderBy(t => t.Category).ThenBy(t => t.Playlist)],
            Label = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"playlist-challenge: 10 MPD categories x {perCategory} playlists (seed {seed}), 500 recommendations, seeds excluded, lists filled from same-title playlists then popularity"),
        };
    }

    // Distinct tracks in playlist order (a track added twice counts once, at its first position).
    internal static int[] Distinct(ReadOnlySpan<int> tracks)
    {
        var seen = new HashSet<int>();
        var result = new List<int>(tracks.Length);
        foreach (var t in tracks)
            if (seen.Add(t)) result.Add(t);
        return [.. result];
    }
}
