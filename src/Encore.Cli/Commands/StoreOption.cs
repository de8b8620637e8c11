using System.CommandLine;
using Encore.Core.Files;
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

    /// <summary>
    /// The store for a command that only reads runs (runs list / show / compare, report): a SQLite file that does not
    /// exist is refused instead of created empty, so a mistyped <c>--store</c> says so rather than "0 runs".
    /// </summary>
    /// <exception cref="ArgumentException">The SQLite file does not exist.</exception>
    public static IRunStore OpenExisting(string? path)
    {
        var location = RunStoreLocation.Resolve(path);
        if (!Encore.Evaluation.Postgres.PostgresLocation.IsPostgres(location) && !File.Exists(location))
            throw new ArgumentException($"run store {location} does not exist; runs are recorded there by evaluate, sweep, tune and bandits " +
                $"(--store PATH, else ${RunStoreLocation.EnvironmentVariable}, else {RunStoreLocation.DefaultFile} in the working folder).");
        return RunStores.Open(location);
    }

    /// <summary>The run <paramref name="id"/> of <paramref name="store"/>; the error names the store and how to list its runs.</summary>
    /// <exception cref="ArgumentException">No run has that id.</exception>
    public static ExperimentRun Get(IRunStore store, string id) =>
        store.Get(id) ?? throw new ArgumentException($"no run with id '{id}' in {Describe(store)} (see 'encore runs list{StoreArgument(store)}').");

    /// <summary>" --store PATH" when <paramref name="store"/> is not the one the commands open by default, else "": for hints that must run as printed.</summary>
    public static string StoreArgument(IRunStore store) =>
        store is SqliteRunStore sqlite && sqlite.Path != RunStoreLocation.Resolve(null) ? $" --store {ShellWord.Quote(sqlite.Path)}" : "";

    /// <summary>Where a store is, for messages: the SQLite file path or the PostgreSQL location without its password.</summary>
    public static string Describe(IRunStore store) => store switch
    {
        SqliteRunStore sqlite => sqlite.Path,
        PostgresRunStore postgres => postgres.Location,
        _ => store.GetType().Name,
    };
}
