namespace Encore.Evaluation.Runs;

/// <summary>Where the embedded run store lives: an explicit path, else ENCORE_STORE, else encore.db in the working folder.</summary>
public static class RunStoreLocation
{
    public const string EnvironmentVariable = "ENCORE_STORE";

    public const string DefaultFile = "encore.db";

    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultFile : fromEnvironment);
    }
}
