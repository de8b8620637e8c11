using System.Data.Common;
using Encore.Evaluation.Postgres;
using Npgsql;

namespace Encore.Online.Store.Postgres;

/// <summary>
/// The shared store: one PostgreSQL database that several service processes (or silos) read and write at once.
/// The schema is migrated on open (<see cref="PostgresMigrator"/>, component "online"). Every write is one
/// transaction committed before the call returns (PostgreSQL's default synchronous_commit=on makes it durable);
/// unlike <see cref="SqliteStore"/> there is no process-wide writer lock: concurrency is the database's
/// (unique constraints for idempotency, row locks for version numbers).
/// </summary>
public sealed class PostgresStore : IOnlineStore
{
    private readonly NpgsqlDataSource _source;

    /// <param name="location">A postgres:// URI or an Npgsql Host=... connection string.</param>
    /// <param name="time">Clock for received / registered times (default system).</param>
    /// <exception cref="Encore.Core.Errors.EncoreException">The database holds a newer online schema.</exception>
    /// <exception cref="IOException">The database cannot be reached (PostgresMigrator.OpenFirst).</exception>
    public PostgresStore(string location, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        Time = time ?? TimeProvider.System;
        Description = PostgresLocation.Redact(location);
        _source = NpgsqlDataSource.Create(PostgresLocation.ToConnectionString(location));
        PostgresMigrator.Migrate(_source, PostgresSchema.Component, PostgresSchema.Migrations, NowMs);
        Events = new PostgresEventStore(this);
        Catalogue = new PostgresCatalogueStore(this);
        Bandits = new PostgresBanditStore(this);
        Models = new PostgresModelStore(this);
        Experiments = new ExperimentRepository(Open, body => Write(c => body(c, null)), "LOCK TABLE experiments IN SHARE ROW EXCLUSIVE MODE;");
    }

    public string Kind => "postgres";

    public string Description { get; }

    public TimeProvider Time { get; }

    public IEventStore Events { get; }

    public ICatalogueStore Catalogue { get; }

    public IModelStore Models { get; }

    public IBanditStore Bandits { get; }

    public IExperimentStore Experiments { get; }

    /// <summary>Current time in Unix milliseconds (from <see cref="Time"/>).</summary>
    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>An open pooled connection.</summary>
    public NpgsqlConnection Open() => _source.OpenConnection();

    public DbConnection OpenReadConnection() => Open();

    /// <summary>Runs <paramref name="body"/> inside one transaction, committed before returning (rolled back on an exception).</summary>
    public T Write<T>(Func<NpgsqlConnection, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = body(connection);
        transaction.Commit();
        return result;
    }

    public void Dispose() => _source.Dispose();
}
