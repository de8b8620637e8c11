namespace Encore.Cli.Tests.Faults.Fuzz;

/// <summary>What every fuzzed command must show: a documented exit code and no raw runtime text.</summary>
internal static class CliOutcome
{
    /// <summary>Text that only appears when a runtime message or stack trace leaks to the user.</summary>
    public static readonly string[] RawRuntimeText = ["Exception", "(Parameter '", "Actual value was", "   at ", "unexpected error", "System."];

    /// <summary>Fails with <paramref name="context"/> when the exit code is not in <paramref name="allowed"/> or the output shows raw runtime text.</summary>
    public static void Check((int Code, string Out, string Error) result, int[] allowed, string context)
    {
        Assert.True(allowed.Contains(result.Code), $"{context}: exit {result.Code}, expected one of {string.Join(", ", allowed)}. stderr: {result.Error}");
        foreach (var raw in RawRuntimeText)
        {
            Assert.False(result.Error.Contains(raw, StringComparison.Ordinal), $"{context}: stderr shows '{raw}': {result.Error}");
            Assert.False(result.Out.Contains(raw, StringComparison.Ordinal), $"{context}: stdout shows '{raw}': {result.Out}");
        }
    }

    /// <summary>A failed command wrote nothing at <paramref name="output"/> and left no temporary sibling.</summary>
    public static void NothingHalfWritten(string output, string context)
    {
        Assert.False(Directory.Exists(output) || File.Exists(output), $"{context}: {output} was written although the command failed.");
        var parent = Path.GetDirectoryName(output)!;
        Assert.Empty(Directory.GetFileSystemEntries(parent, Path.GetFileName(output) + ".tmp*"));
    }
}
