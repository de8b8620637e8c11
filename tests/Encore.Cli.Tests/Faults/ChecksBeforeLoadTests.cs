namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Every command checks its options and settings before the expensive steps (reading the data set, carving, fitting):
/// <c>sweep</c> checked its grid and <c>tune</c> its fixed settings only after loading (found by s13's newcomer). The
/// data set folder here does not exist, so a command that reached the load would report the folder instead of the option.
/// </summary>
[Collection("console")]
public sealed class ChecksBeforeLoadTests
{
    [Theory]
    [InlineData("neighbors", "sweep", "--model", "item-knn", "--grid", "neighbors=5,50")]
    [InlineData("neighbours", "sweep", "--model", "item-knn", "--grid", "neighbours=5,abc")]
    [InlineData("bogus", "sweep", "--model", "item-knn", "--grid", "neighbours=5", "--set", "protocol.bogus=1")]
    [InlineData("'als'", "sweep", "--model", "item-knn", "--grid", "neighbours=5", "--set", "als.factor=3")]
    [InlineData("similarity", "sweep", "--model", "item-knn", "--grid", "neighbours=5", "--set", "similarity=nope")]
    [InlineData("factor", "tune", "--model", "als", "--set", "als.factor=3")]
    [InlineData("factors", "tune", "--model", "als", "--set", "als.factors=-3")]
    [InlineData("ease", "tune", "--model", "als", "--set", "ease.lambda=3")]
    [InlineData("test-fraction", "tune", "--model", "als", "--set", "protocol.test-fraction=2")]
    [InlineData("confidence", "tune", "--model", "als", "--set", "data.confidence=nope")]
    [InlineData("bogus", "evaluate", "--models", "als", "--set", "protocol.bogus=1")]
    public async Task Command_BadSetting_IsRefusedBeforeTheDataSetIsRead(string named, string command, params string[] rest)
    {
        var (code, error) = await MissingDataSet.RunAsync(command, rest);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(named, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(MissingDataSet.Marker, error, StringComparison.Ordinal);
    }

    // import read (and parsed) every input before it found that the output folder could never take the snapshot.
    [Fact]
    public async Task Import_OutputFolderThatIsNotASnapshot_IsRefusedBeforeTheInputIsRead()
    {
        var output = Directory.CreateTempSubdirectory("encore-not-a-snapshot-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(output, "notes.txt"), "mine");

            var (code, _, error) = await ConsoleCapture.RunAsync("import", "piki", MissingDataSet.Folder(), "-o", output);

            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("is not an Encore snapshot", error, StringComparison.Ordinal);
            Assert.DoesNotContain(MissingDataSet.Marker, error, StringComparison.Ordinal);
            Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
