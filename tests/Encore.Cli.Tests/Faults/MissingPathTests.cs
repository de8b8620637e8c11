using Encore.Fit;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// A path given on the command line that names nothing is a bad command line in every command (exit 1, one
/// <c>error:</c> line naming the option or argument and the path). It was not: a missing model file exited 3 for
/// <c>recommend</c> / <c>similar</c> / <c>score</c> ("model file not found", as if the file were corrupt) and a missing
/// import input exited 2 (as if its data were bad), while <c>serve --model</c> exited 1. A file that is there but
/// damaged keeps its own code (3 for a model, 2 for an import input).
/// </summary>
[Collection("console")]
public sealed class MissingPathTests(ModelCommandsFixture world) : TempFolderTest("encore-missing-path-"), IClassFixture<ModelCommandsFixture>
{
    private string Missing => Path.Combine(Dir, "nothing.bin");

    public static TheoryData<string, string[]> CommandsNamingAPath => new()
    {
        // import: the inputs, whatever the format.
        { "<paths>", ["import", "table", "{missing}", "-o", "{dir}/ds", "--set", "user=u", "--set", "item=i"] },
        { "<paths>", ["import", "hetrec", "{missing}", "-o", "{dir}/ds"] },
        { "<paths>", ["import", "embeddings", "{missing}", "--dataset", "{world}", "-o", "{dir}/ds"] },
        // a model file read by a command.
        { "<model>", ["recommend", "{missing}", "--user", "u1"] },
        { "<model>", ["similar", "{missing}", "--track", "t1"] },
        { "<model>", ["score", "{missing}", "--user", "u1", "--tracks", "t1"] },
        { "--model", ["false-negatives", "{world}", "--model", "{missing}"] },
        // serve: checked before the server is built.
        { "--model", ["serve", "--urls", "http://127.0.0.1:0", "--model", "{missing}"] },
        { "--model", ["serve", "--urls", "http://127.0.0.1:0", "--model", "side={missing}"] },
        { "--config", ["serve", "--config", "{missing}"] },
        { "--settings", ["serve", "--urls", "http://127.0.0.1:0", "--settings", "{missing}"] },
        // bandit replay's log and vectors.
        { "<log>", ["bandits", "replay", "{missing}", "--vectors", "{itemknn}"] },
        // report from a JSON file of runs (was "Could not find a part of the path ...").
        { "--runs-json", ["report", "--runs-json", "{missing}", "-o", "{dir}/r.html"] },
    };

    [Theory]
    [MemberData(nameof(CommandsNamingAPath))]
    public async Task Command_PathThatNamesNothing_ExitsUsageWithOneLineNamingOptionAndPath(string option, string[] args)
    {
        var (code, _, error) = await ConsoleCapture.RunAsync(Resolve(args));

        Assert.True(code == ExitCodes.Usage, $"exit {code}: {error}");
        Assert.Equal($"error: {option} '{Missing}' does not exist.", error.TrimEnd());
    }

    [Fact]
    public async Task FitTrain_InputThatNamesNothing_ExitsUsageNamingIt()
    {
        var (code, _, error) = await ConsoleCapture.RunAsync(() => FitCli.RunAsync(["train", Missing, "--model", "als", "-o", Path.Combine(Dir, "m.bin")]));

        Assert.True(code == ExitCodes.Usage, $"exit {code}: {error}");
        Assert.Equal($"error: <input> '{Missing}' does not exist.", error.TrimEnd());
    }

    [Theory]
    [InlineData("train", "--model", "popularity", "-o", "{dir}/m.bin")]
    [InlineData("evaluate", "--models", "popularity", "--store", "{dir}/runs.db")]
    public async Task TrainAndEvaluate_DatasetThatNamesNothing_ExitsUsageNamingIt(string command, params string[] rest)
    {
        var (code, _, error) = await ConsoleCapture.RunAsync(Resolve([command, "{missing}", .. rest]));

        Assert.True(code == ExitCodes.Usage, $"exit {code}: {error}");
        Assert.StartsWith($"error: {Missing}: dataset snapshot folder not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsList_StoreThatNamesNothing_ExitsUsageNamingIt()
    {
        var (code, _, error) = await ConsoleCapture.RunAsync("runs", "list", "--store", Missing);

        Assert.True(code == ExitCodes.Usage, $"exit {code}: {error}");
        Assert.StartsWith($"error: run store {Missing} does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingButDamagedFiles_KeepTheirCodes()
    {
        var notModel = Path.Combine(Dir, "notes.bin");
        File.WriteAllText(notModel, "this is not a model");
        var badTable = Path.Combine(Dir, "plays.csv");
        File.WriteAllText(badTable, "listener,song\nu1,t1\n");

        var model = await ConsoleCapture.RunAsync("recommend", notModel, "--user", "u1");
        var table = await ConsoleCapture.RunAsync("import", "table", badTable, "-o", Path.Combine(Dir, "ds"), "--set", "user=user_id", "--set", "item=track_id");

        Assert.True(model.Code == ExitCodes.BadModelFile, $"exit {model.Code}: {model.Error}");
        Assert.True(table.Code == ExitCodes.BadData, $"exit {table.Code}: {table.Error}");
    }

    private string[] Resolve(string[] args) => [.. args.Select(a => a.Replace("{missing}", Missing, StringComparison.Ordinal)
        .Replace("{dir}", Dir, StringComparison.Ordinal)
        .Replace("{itemknn}", world.ItemKnn, StringComparison.Ordinal)
        .Replace("{world}", world.World, StringComparison.Ordinal))];
}
