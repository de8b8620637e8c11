namespace Encore.Cli.Tests.Faults;

/// <summary>
/// <c>encore import ium ../shared/datasets/ium-pozytywka-2024-v1 -o ium24 &gt; import.log</c> folded every fault example
/// at 80 columns (<c>.../sessions.jsonl:33: field 'user_id': ⏎ is null or missing; ...</c>): the one message a user greps
/// for came in pieces. Free text lines are now written whole when stdout is redirected.
/// </summary>
[Collection("console")]
public sealed class RedirectedTextTests() : TempFolderTest("encore-redirected-")
{
    [Fact]
    public async Task Import_LenientFaultExample_IsOneWholeLine()
    {
        Assert.True(Console.IsOutputRedirected, "the test host's stdout is a pipe");
        var csv = Path.Combine(Dir, "plays with a long file name to pass eighty columns.csv");
        File.WriteAllText(csv, "user,item,value\nu1,t1,3\nu2\nu3,t3,2\n");

        var (code, output, error) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", Path.Combine(Dir, "ds"),
            "--set", "user=user", "--set", "item=item", "--set", "value=value");

        Assert.True(code == ExitCodes.Ok, error);
        var expected = $"{Path.GetFileName(csv)}:3: field 'item (field 2), value (field 3)': expected 3 fields separated by comma but found 1";
        var line = Assert.Single(output.Split('\n'), l => l.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("missing: item (field 2), value (field 3)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("[grey]", output, StringComparison.Ordinal);
    }

    /// <summary><c>encore similar ... &gt; out.txt</c> drew its table 80 columns wide, so a long track id or title was
    /// folded inside its cell over several lines; result tables now take the width they need when redirected.</summary>
    [Fact]
    public async Task Similar_LongTrackIds_EachRowIsOneLine()
    {
        Assert.True(Console.IsOutputRedirected, "the test host's stdout is a pipe");
        static string Id(int n) => $"track-{n}-" + new string((char)('a' + n), 90);
        var rows = new List<string> { "user,item,value" };
        for (var u = 0; u < 6; u++)
            for (var t = 0; t < 4; t++)
                if ((u + t) % 3 != 0) rows.Add($"u{u},{Id(t)},1");
        var csv = Path.Combine(Dir, "plays.csv");
        File.WriteAllLines(csv, rows);
        var ds = Path.Combine(Dir, "ds");
        var model = Path.Combine(Dir, "knn.bin");
        var (code, _, error) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", ds, "--set", "user=user", "--set", "item=item", "--set", "value=value");
        Assert.True(code == ExitCodes.Ok, error);
        (code, _, error) = await ConsoleCapture.RunAsync("train", ds, "--model", "item-knn", "-o", model);
        Assert.True(code == ExitCodes.Ok, error);

        (code, var output, error) = await ConsoleCapture.RunAsync("similar", model, "--track", Id(0));

        Assert.True(code == ExitCodes.Ok, error);
        var row = Assert.Single(output.Split('\n'), l => l.Contains(Id(1), StringComparison.Ordinal));
        Assert.Matches(@"[│|]\s+\d\s+[│|]", row);
        Assert.Matches(@"[│|]\s+0\.\d+\s+[│|]", row);
    }
}
