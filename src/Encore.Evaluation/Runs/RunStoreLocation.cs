namespace Encore.Evaluation.Runs;

/// <summary>
/// Where the run store lives: an explicit location, else ENCORE_STORE, else encore.db in the working folder.
/// A location is a SQLite file path (made absolute) or a PostgreSQL URI / connection string (kept as given).
/// </summary>
public static class RunStoreLocation
{
    public const string EnvironmentVariable = "ENCORE_STORE";

    public const string DefaultFile = "encore.db";

    public static string Resolve(string? explicitPath)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var location = !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath
            : string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultFile : fromEnvironment;
        return Postgres.PostgresLocation.IsPostgres(location) ? location : Path.GetFullPath(location);
    }
}
