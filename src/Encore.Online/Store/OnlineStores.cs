using Encore.Evaluation.Postgres;
using Encore.Online.Store.Postgres;

namespace Encore.Online.Store;

/// <summary>Opens the online store a location names (see <see cref="PostgresLocation"/> for the PostgreSQL forms).</summary>
public static class OnlineStores
{
    /// <summary>A <see cref="PostgresStore"/> for postgres:// URIs and Host=... strings, else a <see cref="SqliteStore"/> on the file.</summary>
    /// <exception cref="Encore.Core.Errors.EncoreException">The PostgreSQL schema is newer than this build.</exception>
    public static IOnlineStore Open(string location, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return PostgresLocation.IsPostgres(location) ? new PostgresStore(location, time) : new SqliteStore(location, time);
    }
}
