namespace Encore.Online.Store;

/// <summary>
/// Durable per-user bandit state and the choices /next served. Implementations: <see cref="BanditRepository"/>
/// (SQLite) and <see cref="Postgres.PostgresBanditStore"/>; both pass the store contract suite.
/// </summary>
public interface IBanditStore
{
    /// <summary>The user's state in <paramref name="space"/>, or null when the user has none yet.</summary>
    BanditStateRecord? LoadState(string user, string space);

    /// <summary>Records a served choice (committed before returning) and returns it with its id.</summary>
    BanditChoiceRecord RecordChoice(BanditChoiceRecord choice);

    /// <summary>
    /// In one transaction: finds the newest choice of <paramref name="track"/> served to <paramref name="user"/> that
    /// has no reward yet, computes the new state with <paramref name="update"/> (given the stored state, or null, and
    /// the choice), stores it and marks the choice rewarded. Concurrent calls for one user are serialised. Returns the
    /// new state, or null when no unrewarded choice matches (nothing is written).
    /// </summary>
    BanditStateRecord? ApplyReward(string user, string track, double reward, string feedback, Func<BanditStateRecord?, BanditChoiceRecord, BanditStateRecord> update);

    /// <summary>The newest <paramref name="limit"/> choices of the user, oldest first.</summary>
    List<BanditChoiceRecord> Choices(string user, int limit);

    /// <summary>Users with stored state, most recently updated first (at most <paramref name="limit"/>).</summary>
    List<BanditUserSummary> Users(int limit);
}
