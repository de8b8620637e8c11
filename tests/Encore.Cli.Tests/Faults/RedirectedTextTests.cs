namespace Encore.Cli.Tests.Faults;

/// <summary>
/// <c>encore import ium ../shared/datasets/ium-pozytywka-2024-v1 -o ium24 &gt; import.log</c> folded every fault example
/// at 80 columns (<c>.../sessions.jsonl:33: field 'user_id': ⏎ is null or missing; ...</c>): the one message a user greps
/// for came in pieces. Free text lines are now written whole when stdout is redirected.
/// </summary>
[Collection("console")]
public sealed class RedirectedTextTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-redirected-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Import_LenientFaultExample_IsOneWholeLine()
    {
        Assert.True(Console.IsOutputRedirected, "the test host's stdout is a pipe");
        var csv = Path.Combine(_dir, "plays with a long file name to pass eighty columns.csv");
        File.WriteAllText(csv, "user,item,value\nu1,t1,3\nu2\nu3,t3,2\n");

        var (code, output, error) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", Path.Combine(_dir, "ds"),
            "--set", "user=user", "--set", "item=item", "--set", "value=value");

        Assert.True(code == ExitCodes.Ok, error);
        var expected = $"{Path.GetFileName(csv)}:3: field 'item (field 2), value (field 3)': expected 3 fields separated by comma but found 1";
        var line = Assert.Single(output.Split('\n'), l => l.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("missing: item (field 2), value (field 3)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("[grey]", output, StringComparison.Ordinal);
    }
}
