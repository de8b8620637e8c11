using Encore.Core.Errors;
using Encore.Core.Randomness;

namespace Encore.Evaluation.Bandits;

/// <summary>
/// Turns an <see cref="ExposureLog"/> into replay events for <see cref="ReplayEvaluator"/>. Each user's arm set is
/// the songs the log exposed that user to (R3: the 10 random songs), restricted to songs with a vector; every
/// exposure row is one event whose candidates are that arm set and whose shown item is the row's song. Because
/// the songs were drawn at random, the logged one is uniform over the arm set, which is what Li et al.'s (2011)
/// replay estimator needs. Reward = 1 when the logged value ≥ the threshold, else 0. Events are replayed in a
/// seeded random order (the file's order, e.g. sorted by user and song, carries no information and is not
/// random). Users with fewer than 2 arms carry no choice and are left out; rows whose song has no vector are
/// dropped (both counted).
/// </summary>
public sealed class ReplayLog
{
    private ReplayLog(IReadOnlyList<LoggedEvent> events, float[] features, int dimension, int users, int droppedUsers, int rowsWithoutVector, double meanReward)
    {
        Events = events;
        Features = features;
        Dimension = dimension;
        Users = users;
        DroppedUsers = droppedUsers;
        RowsWithoutVector = rowsWithoutVector;
        LogMeanReward = meanReward;
    }

    /// <summary>Events in replay order (items index <see cref="Features"/>' rows).</summary>
    public IReadOnlyList<LoggedEvent> Events { get; }

    /// <summary>Row-major songs x <see cref="Dimension"/> vectors of the songs the events use.</summary>
    public float[] Features { get; }

    public int Dimension { get; }

    /// <summary>Users with at least 2 arms (their events are replayed).</summary>
    public int Users { get; }

    /// <summary>Users left out because fewer than 2 of their songs have vectors.</summary>
    public int DroppedUsers { get; }

    /// <summary>Rows dropped because their song has no vector.</summary>
    public int RowsWithoutVector { get; }

    /// <summary>Mean reward of the replayed events under the logging (uniform) policy: what random's estimate should match.</summary>
    public double LogMeanReward { get; }

    /// <param name="log">The exposure log.</param>
    /// <param name="vectorOf">The vector of a song id (width <paramref name="dimension"/>), or an empty span when the song has none.</param>
    /// <param name="dimension">Vector width (&gt; 0).</param>
    /// <param name="threshold">Reward 1 when the logged value ≥ this.</param>
    /// <param name="seed">Seed of the replay order.</param>
    /// <exception cref="ArgumentException">Nothing left to replay (the message says why).</exception>
    public static ReplayLog Build(ExposureLog log, Func<string, ReadOnlyMemory<float>> vectorOf, int dimension, double threshold, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(vectorOf);
        Guard.Positive(dimension);
        var songIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = new List<float>();
        var withoutVector = 0;
        var armsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var kept = new List<(string User, int Song, double Reward)>();
        foreach (var row in log.Rows)
        {
            if (!songIndex.TryGetValue(row.Item, out var song))
            {
                var vector = vectorOf(row.Item);
                if (vector.IsEmpty) { withoutVector++; continue; }
                if (vector.Length != dimension) throw new ArgumentException($"song '{row.Item}' has a {vector.Length}-wide vector, expected {dimension}.");
                song = songIndex.Count;
                songIndex[row.Item] = song;
                features.AddRange(vector.Span);
            }
            if (!armsOf.TryGetValue(row.User, out var arms)) armsOf[row.User] = arms = [];
            if (!arms.Contains(song)) arms.Add(song);
            kept.Add((row.User, song, row.Value >= threshold ? 1 : 0));
        }
        var userIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var armSets = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var dropped = 0;
        foreach (var (user, arms) in armsOf)
        {
            if (arms.Count < 2) { dropped++; continue; }
            userIndex[user] = userIndex.Count;
            armSets[user] = [.. arms];
        }
        var events = kept.Where(k => userIndex.ContainsKey(k.User))
            .Select(k => new LoggedEvent(userIndex[k.User], armSets[k.User], k.Song, k.Reward)).ToArray();
        if (events.Length == 0)
            throw new ArgumentException($"'{log.Path}': nothing to replay: {log.Rows.Count} rows, {withoutVector} without a track vector, {dropped} users with fewer than 2 songs that have vectors.");
        var rng = new Rng(seed);
        rng.Shuffle(events.AsSpan());
        return new ReplayLog(events, [.. features], dimension, userIndex.Count, dropped, withoutVector, events.Average(e => e.Reward));
    }
}
