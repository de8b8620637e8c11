using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// Builds an MPD-challenge-style test set: for each category, <c>playlistsPerCategory</c> playlists with more
/// tracks than the category shows (at least <c>minHidden</c> left hidden) are drawn from a seeded shuffle,
/// the most demanding categories (100 seeds) first so that long playlists are not used up by small ones.
/// A category that runs out of long-enough playlists gets fewer. Every other playlist is train.
/// </summary>
public sealed class PlaylistHiddenTracksSplit
{
    private readonly ChallengeCategory[] _categories;

    public PlaylistHiddenTracksSplit(int playlistsPerCategory = 1000, ulong seed = 42, int minHidden = 1,
        IReadOnlyList<ChallengeCategory>? categories = null)
    {
        Guard.NonNegative(playlistsPerCategory);
        Guard.Positive(minHidden);
        PlaylistsPerCategory = playlistsPerCategory;
        Seed = seed;
        MinHidden = minHidden;
        _categories = [.. (categories ?? ChallengeCategories.All).Distinct().OrderByDescending(ChallengeCategories.SeedCount).ThenBy(c => c)];
    }

    public int PlaylistsPerCategory { get; }

    public ulong Seed { get; }

    public int MinHidden { get; }

    public PlaylistChallengeSplit Split(PlaylistTable playlists)
    {
        var assigned = Assign(playlists.Tracks);
        var train = new List<int>();
        var test = new List<int>();
        for (var p = 0; p < assigned.Length; p++) (assigned[p] < 0 ? train : test).Add(p);

        var positions = new IntListsBuilder();
        var seeds = new IntListsBuilder();
        var hidden = new IntListsBuilder();
        var categories = new ChallengeCategory[test.Count];
        var isSeed = new List<bool>();
        for (var j = 0; j < test.Count; j++)
        {
            var p = test[j];
            var category = (ChallengeCategory)assigned[p];
            categories[j] = category;
            var tracks = playlists.Tracks[p];
            var rng = Rng.Fork(Seed, (ulong)p);
            MarkSeeds(category, tracks.Length, ref rng, isSeed);
            for (var t = 0; t < tracks.Length; t++)
            {
                if (isSeed[t]) { positions.AddValue(t); seeds.AddValue(tracks[t]); }
                else hidden.AddValue(tracks[t]);
            }
            positions.EndEntry();
            seeds.EndEntry();
            hidden.EndEntry();
        }
        return new PlaylistChallengeSplit
        {
            TrainPlaylists = [.. train],
            TestPlaylists = [.. test],
            Categories = categories,
            SeedPositions = positions.Build(),
            Seeds = seeds.Build(),
            Hidden = hidden.Build(),
        };
    }

    // Category per playlist (as int), -1 for train.
    private int[] Assign(IntLists tracks)
    {
        var order = new int[tracks.Count];
        for (var p = 0; p < order.Length; p++) order[p] = p;
        var rng = new Rng(Seed);
        rng.Shuffle(order.AsSpan());
        var assigned = new int[tracks.Count];
        assigned.AsSpan().Fill(-1);
        foreach (var category in _categories)
        {
            var needed = ChallengeCategories.SeedCount(category) + MinHidden;
            var taken = 0;
            for (var j = 0; j < order.Length && taken < PlaylistsPerCategory; j++)
            {
                var p = order[j];
                if (assigned[p] >= 0 || tracks[p].Length < needed) continue;
                assigned[p] = (int)category;
                taken++;
            }
        }
        return assigned;
    }

    private static void MarkSeeds(ChallengeCategory category, int length, ref Rng rng, List<bool> isSeed)
    {
        var k = ChallengeCategories.SeedCount(category);
        isSeed.Clear();
        for (var t = 0; t < length; t++) isSeed.Add(t < k);
        if (!ChallengeCategories.RandomSeeds(category)) return;
        var marks = new byte[length];
        RowSampler.Mark(ref rng, length, k, marks, 1, new int[length]);
        for (var t = 0; t < length; t++) isSeed[t] = marks[t] == 1;
    }
}
