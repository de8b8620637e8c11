namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Runs a command on a data set folder that does not exist, its run store or output in a scratch folder removed
/// afterwards. A command that refuses an option before the load names the option; one that reached the load names
/// the folder (<see cref="Marker"/>).
/// </summary>
internal static class MissingDataSet
{
    /// <summary>Part of the missing folder's name, so an error that mentions it is recognised.</summary>
    public const string Marker = "encore-no-such-world";

    /// <summary>A folder path that does not exist.</summary>
    public static string Folder() => Path.Combine(Path.GetTempPath(), $"{Marker}-{Guid.NewGuid():N}");

    public static async Task<(int Code, string Error)> RunAsync(string command, string[] rest)
    {
        var scratch = Directory.CreateTempSubdirectory("encore-before-load-").FullName;
        try
        {
            string[] output = command switch
            {
                "train" => ["-o", Path.Combine(scratch, "model.bin")],
                "tune" => ["--store", Path.Combine(scratch, "runs.db"), "-o", Path.Combine(scratch, "tuned.ini")],
                _ => ["--store", Path.Combine(scratch, "runs.db")],
            };
            var (code, _, error) = await ConsoleCapture.RunAsync([command, Path.Combine(scratch, Marker), .. rest, .. output]);
            return (code, error);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
