using System.Data.Common;

namespace Encore.Online.Store;

/// <summary>
/// One store behind the serving layer: events, catalogue, model registry and idempotency keys. Opened by
/// <see cref="OnlineStores.Open"/> from a location: a SQLite file (<see cref="SqliteStore"/>, the default) or a
/// PostgreSQL URI (<see cref="Postgres.PostgresStore"/>, shared by several processes).
/// </summary>
public interface IOnlineStore : IDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>Where the store is, for logs and the dashboard (a file path, or a URI without its password).</summary>
    string Description { get; }

    /// <summary>The clock used for received / registered times.</summary>
    TimeProvider Time { get; }

    /// <summary>The events table.</summary>
    IEventStore Events { get; }

    /// <summary>The users, tracks and idempotency-key tables.</summary>
    ICatalogueStore Catalogue { get; }

    /// <summary>The model registry tables.</summary>
    IModelStore Models { get; }

    /// <summary>The per-user bandit state and served choices of /next.</summary>
    IBanditStore Bandits { get; }

    /// <summary>A/B experiments, their served lists and attributed feedback.</summary>
    IExperimentStore Experiments { get; }

    /// <summary>
    /// An open connection for read-only SQL that both dialects accept (the dashboard's aggregates); parameters are
    /// named <c>@name</c>. The caller disposes it.
    /// </summary>
    DbConnection OpenReadConnection();
}
