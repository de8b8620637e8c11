using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// SPEC S4 / KDD Cup 2011 track 2 test construction. For each test user (at least <c>Positives</c> tracks rated
/// at or above the threshold): that many liked tracks drawn uniformly become positives and leave train (every
/// rating row of those pairs), and <c>Negatives</c> tracks the user never rated are drawn with probability
/// proportional to track popularity (number of users who rated the track at or above the threshold), without
/// repeats. Each user draws from <c>Rng.Fork(seed, user)</c>.
/// </summary>
public sealed class SixCandidateSplit
{
    private readonly SixCandidateSplitOptions _options;

    public SixCandidateSplit(SixCandidateSplitOptions? options = null)
    {
        _options = options ?? new SixCandidateSplitOptions();
        _options.Validate();
    }

    /// <summary>Splits <paramref name="ratings"/>; track targets are dense indices below <paramref name="trackCount"/>.</summary>
    public CandidateSplit Split(RatingTable ratings, int trackCount)
    {
        var index = TrackRatingIndex.Build(ratings, trackCount, _options.PositiveThreshold);
        var candidates = new List<(int User, int Track, sbyte Label)>();
        var positives = new HashSet<long>();
        var testUsers = new List<int>();
        var picked = new List<int>();
        foreach (var u in DrawUsers(index))
        {
            var rng = Rng.Fork(_options.Seed, (ulong)u);
            if (!TryPick(index, u, ref rng, picked)) continue;
            testUsers.Add(u);
            var list = new (int, int, sbyte)[picked.Count];
            for (var j = 0; j < picked.Count; j++)
            {
                var isPositive = j < _options.Positives;
                list[j] = (u, picked[j], isPositive ? (sbyte)1 : (sbyte)0);
                if (isPositive) positives.Add(Key(u, picked[j]));
            }
            rng.Shuffle(list.AsSpan()); // the order must not give the labels away
            candidates.AddRange(list);
        }
        return Assemble(ratings, positives, candidates, testUsers);
    }

    private List<int> DrawUsers(TrackRatingIndex index)
    {
        var eligible = new List<int>();
        for (var u = 0; u < index.UserCount; u++)
            if (LikedCount(index, u) >= _options.Positives) eligible.Add(u);
        if (_options.UserFraction >= 1.0) return eligible;
        var users = eligible.ToArray();
        var rng = new Rng(_options.Seed);
        rng.Shuffle(users.AsSpan());
        var chosen = users[..(int)Math.Round(_options.UserFraction * users.Length, MidpointRounding.ToEven)];
        Array.Sort(chosen);
        return [.. chosen];
    }

    private int LikedCount(TrackRatingIndex index, int u)
    {
        var count = 0;
        foreach (var v in index.Best.RowValues(u))
            if (v >= _options.PositiveThreshold) count++;
        return count;
    }

    // Fills picked with positives then negatives; false when the user cannot get a full list.
    private bool TryPick(TrackRatingIndex index, int u, ref Rng rng, List<int> picked)
    {
        picked.Clear();
        var tracks = index.Best.RowIndices(u);
        var values = index.Best.RowValues(u);
        var counts = index.RowCounts.RowValues(u);
        var liked = new List<int>();
        for (var j = 0; j < tracks.Length; j++)
            if (values[j] >= _options.PositiveThreshold) liked.Add(j);
        var removedRows = 0;
        for (var j = 0; j < _options.Positives; j++)
        {
            var pick = j + rng.NextInt(liked.Count - j);
            (liked[j], liked[pick]) = (liked[pick], liked[j]);
            picked.Add(tracks[liked[j]]);
            removedRows += (int)counts[liked[j]];
        }
        if (index.RowsPerUser[u] - removedRows < _options.MinRemainingRatings) return false;

        var total = index.CumulativePopularity.Length == 0 ? 0 : index.CumulativePopularity[^1];
        if (total <= 0) return false;
        for (var draws = 0; picked.Count < _options.Positives + _options.Negatives; draws++)
        {
            if (draws == _options.MaxNegativeDraws) return false;
            var t = index.TrackAt(rng.NextDouble() * total);
            if (!index.Rated(u, t) && !picked.Contains(t)) picked.Add(t);
        }
        return true;
    }

    private static CandidateSplit Assemble(RatingTable ratings, HashSet<long> positives,
        List<(int User, int Track, sbyte Label)> candidates, List<int> testUsers)
    {
        var train = new List<int>();
        var test = new List<int>();
        for (var r = 0; r < ratings.Count; r++)
        {
            var isTest = ratings.Levels[r] == EntityLevel.Track && positives.Contains(Key(ratings.Users[r], ratings.Targets[r]));
            (isTest ? test : train).Add(r);
        }
        int[] trainRows = [.. train], testRows = [.. test];
        return new CandidateSplit
        {
            Train = RatingRows.Select(ratings, trainRows),
            Test = RatingRows.Select(ratings, testRows),
            TrainRows = trainRows,
            TestRows = testRows,
            TestUsers = [.. testUsers],
            Candidates = new CandidateTable
            {
                Users = [.. candidates.Select(c => c.User)],
                Tracks = [.. candidates.Select(c => c.Track)],
                Labels = [.. candidates.Select(c => c.Label)],
            },
        };
    }

    private static long Key(int user, int track) => ((long)user << 32) | (uint)track;
}
