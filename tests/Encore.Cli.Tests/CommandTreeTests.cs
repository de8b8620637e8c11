using System.Globalization;
using System.Text;

namespace Encore.Cli.Tests;

/// <summary>Only the named command is built for a run; help and errors still see the whole tree.</summary>
[Collection("console")]
public sealed class CommandTreeTests() : TempFolderTest("encore-tree-")
{
    [Fact]
    public void Commands_EveryEntryBuildsTheCommandOfItsName()
    {
        foreach (var (name, create) in EncoreCli.Commands) Assert.Equal(name, create().Name);
        Assert.Equal(EncoreCli.Commands.Length, EncoreCli.Commands.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("--help")]
    [InlineData("bnech fit")]
    public void CreateRoot_NoKnownCommandFirst_BuildsEveryCommand(string commandLine) =>
        Assert.Equal(EncoreCli.Commands.Select(c => c.Name),
            EncoreCli.CreateRoot(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Subcommands.Select(c => c.Name));

    [Fact]
    public void CreateRoot_KnownCommandFirst_BuildsOnlyIt() =>
        Assert.Equal(["bench"], EncoreCli.CreateRoot(["bench", "fit", "x"]).Subcommands.Select(c => c.Name));

    [Fact]
    public async Task Help_ListsEveryCommand_AndAMisspeltCommandIsAUsageError()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("--help");
        Assert.Equal(ExitCodes.Ok, code);
        foreach (var (name, _) in EncoreCli.Commands) Assert.Contains(name, output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("bnech", "fit")).Code);
    }

    [Fact]
    public async Task BenchFit_NumericSplitWithPhases_PrintsTheLineAndEveryPhase()
    {
        var train = new StringBuilder("user\titem\tvalue\n");
        var test = new StringBuilder("user\titem\tvalue\n");
        for (var u = 0; u < 30; u++)
        {
            for (var i = 0; i < 5; i++) train.Append(CultureInfo.InvariantCulture, $"{u}\t{(u + i) % 17}\t{1 + i}\r\n");
            test.Append(CultureInfo.InvariantCulture, $"{u}\t{(u + 9) % 17}\t1\r\n");
        }
        await File.WriteAllTextAsync(Path.Combine(Dir, "train.tsv"), train.ToString());
        await File.WriteAllTextAsync(Path.Combine(Dir, "test.tsv"), test.ToString());

        var (code, output, error) = await ConsoleCapture.RunAsync("bench", "fit", Dir, "--model", "item-knn", "--set", "neighbours=5", "--binary", "--quality", "--phases");

        Assert.Equal(ExitCodes.Ok, code);
        var fields = output.Trim().Split('\t');
        Assert.Equal(["item-knn", "150"], fields[..2]);
        Assert.NotEqual("-", fields[8]);
        foreach (var phase in new[] { "runtime start to Main", "command line", "load split + matrix", "fit", "after fit (scoring, counters)", "total to here" })
            Assert.Contains($"phase\t{phase}\t", error, StringComparison.Ordinal);
        Assert.Contains("assemblies\t", error, StringComparison.Ordinal);
    }
}
