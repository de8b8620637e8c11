using Encore.Evaluation.Postgres;

namespace Encore.Evaluation.Runs;

/// <summary>Opens the run store a location names: a postgres:// URI (or Host=... string) or a SQLite file path.</summary>
public static class RunStores
{
    /// <summary>A <see cref="PostgresRunStore"/> for PostgreSQL locations, else a <see cref="SqliteRunStore"/> on the file.</summary>
    public static IRunStore Open(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return PostgresLocation.IsPostgres(location) ? new PostgresRunStore(location) : new SqliteRunStore(location);
    }
}
