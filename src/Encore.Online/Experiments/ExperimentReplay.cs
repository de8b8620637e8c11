using Encore.Online.Bandits;
using Encore.Online.Store;

namespace Encore.Online.Experiments;

/// <summary>A replayed experiment: the report recomputed offline and whether its counts equal the ones attributed online.</summary>
/// <param name="Experiment">The stored experiment.</param>
/// <param name="Lists">Number of recorded served lists.</param>
/// <param name="EventsRead">Stored events of the experiment's users that were replayed.</param>
/// <param name="Replayed">The report from the recorded lists and the stored events, attributed again.</param>
/// <param name="Online">The report from the outcomes attributed online.</param>
public sealed record ExperimentReplayResult(ExperimentRecord Experiment, int Lists, int EventsRead, AbReport Replayed, AbReport Online)
{
    /// <summary>True when every variant has the same users, impressions, plays, likes and skips in both reports.</summary>
    public bool MatchesOnline => Replayed.Variants.Zip(Online.Variants).All(p =>
        (p.First.Users, p.First.Impressions, p.First.Plays, p.First.Likes, p.First.Skips) == (p.Second.Users, p.Second.Impressions, p.Second.Plays, p.Second.Likes, p.Second.Skips));
}

/// <summary>
/// Offline replay of a recorded experiment: its served lists are read from the store into an <see cref="AbLedger"/>,
/// the stored events of its users are attributed again in arrival order with the same rule (optionally another
/// window), and <see cref="AbAnalysis"/> recomputes the report (optionally at another level). With the service's
/// window the counts equal the online ones, which checks the online attribution.
/// </summary>
public static class ExperimentReplay
{
    /// <param name="store">The service's store (SQLite or PostgreSQL).</param>
    /// <param name="name">Experiment name.</param>
    /// <param name="window">Attribution window (default <see cref="ExperimentService.AttributionWindow"/>).</param>
    /// <param name="alpha">Family-wise level, in (0, 1).</param>
    /// <param name="rewards">Reward of each outcome (default: play and like 1, skip 0).</param>
    /// <exception cref="ArgumentException">No experiment of that name in the store (its experiments are listed).</exception>
    public static ExperimentReplayResult Replay(IOnlineStore store, string name, TimeSpan? window = null, double alpha = 0.05, BanditRewardOptions? rewards = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = store.Experiments.Find(name) ?? throw new ArgumentException(
            $"{store.Description}: no experiment '{name}' (stored: {string.Join(", ", store.Experiments.All().Select(e => e.Name).DefaultIfEmpty("none"))}).", nameof(name));
        var lists = store.Experiments.Lists(name);
        var ledger = new AbLedger(window ?? ExperimentService.AttributionWindow);
        foreach (var list in lists) ledger.Record(list);
        var users = lists.Select(l => l.User).ToHashSet(StringComparer.Ordinal);
        var events = store.Events.ReadAll().Where(e => users.Contains(e.User)).ToList();
        ledger.Attribute(events);
        var replayed = AbAnalysis.Analyse(record.Experiment, ledger, alpha, rewards);
        var online = AbAnalysis.Analyse(record.Experiment, v => store.Experiments.OutcomeCounts(name, v), alpha, rewards);
        return new ExperimentReplayResult(record, lists.Count, events.Count, replayed, online);
    }
}
