using System.CommandLine;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Commands;

/// <summary>The shared <c>--store PATH</c> option: the run store file (default ENCORE_STORE, else encore.db here).</summary>
internal static class StoreOption
{
    public static Option<string?> Create() => new("--store")
    {
        Description = $"Run store (SQLite file). Default: ${RunStoreLocation.EnvironmentVariable}, else {RunStoreLocation.DefaultFile} in the working folder.",
    };

    public static SqliteRunStore Open(string? path) => new(RunStoreLocation.Resolve(path));
}
