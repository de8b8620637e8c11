using System.CommandLine;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Commands;

/// <summary>The shared <c>--store PATH|URI</c> option: the run store file or PostgreSQL URI (default ENCORE_STORE, else encore.db here).</summary>
internal static class StoreOption
{
    public static Option<string?> Create() => new("--store")
    {
        Description = $"Run store: a SQLite file or a postgres://user:password@host:port/database URI. Default: ${RunStoreLocation.EnvironmentVariable}, else {RunStoreLocation.DefaultFile} in the working folder.",
    };

    public static IRunStore Open(string? path) => RunStores.Open(RunStoreLocation.Resolve(path));

    /// <summary>Where a store is, for messages: the SQLite file path or the PostgreSQL location without its password.</summary>
    public static string Describe(IRunStore store) => store switch
    {
        SqliteRunStore sqlite => sqlite.Path,
        PostgresRunStore postgres => postgres.Location,
        _ => store.GetType().Name,
    };
}
