using Encore.Evaluation.Bench;
using Encore.Fit;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Training;

namespace Encore.Cli.Tests.Fit;

/// <summary>
/// <c>encore-fit</c> (src/Encore.Fit), run here under the JIT: the same output line as <c>encore bench fit</c>, command-line and
/// data errors with the CLI's exit codes, and model files that <c>encore recommend</c> reads. The Native AOT publish itself is
/// not run by tests (docs/fit-aot.md).
/// </summary>
[Collection("console")]
public sealed class FitCliTests : TempFolderTest
{
    private readonly string _split;

    public FitCliTests()
        : base("encore-fit-cli-") => _split = FitSplitFixture.Write(Dir);

    private static Task<(int Code, string Out, string Error)> Fit(params string[] args) => ConsoleCapture.RunAsync(() => FitCli.RunAsync(args));

    // Timing columns (load_s .. fit_peak_rss_mib) differ from run to run; the others must be equal.
    private static string[] Stable(string line)
    {
        var columns = line.TrimEnd('\n', '\r').Split('\t');
        Assert.Equal(FitBenchResult.TsvHeader.Split('\t').Length, columns.Length);
        return [columns[0], columns[1], columns[8], columns[9]];
    }

    [Theory]
    [InlineData("item-knn", "--binary", "--set", "neighbours=10")]
    [InlineData("als", "--set", "factors=8", "--set", "iterations=3", "--set", "threads=1")]
    [InlineData("popularity")]
    public async Task BenchFit_SameLineAsEncoreBenchFit(string model, params string[] extra)
    {
        string[] args = ["bench", "fit", _split, "--model", model, "--quality", "--header", .. extra];
        var (fitCode, fitOut, fitError) = await Fit(args);
        var (cliCode, cliOut, _) = await ConsoleCapture.RunAsync(args);
        Assert.True(fitCode == ExitCodes.Ok, fitError);
        Assert.Equal(ExitCodes.Ok, cliCode);
        var fitLines = fitOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cliLines = cliOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, fitLines.Length);
        Assert.Equal(cliLines[0], fitLines[0]);
        Assert.Equal(FitBenchResult.TsvHeader, fitLines[0]);
        Assert.Equal(Stable(cliLines[1]), Stable(fitLines[1]));
        Assert.NotEqual("-", Stable(fitLines[1])[2]);
    }

    [Fact]
    public async Task BenchFit_Phases_PrintsPhaseLinesOnStderrOnly()
    {
        var (code, output, error) = await Fit("bench", "fit", _split, "--model", "item-knn", "--phases");
        Assert.Equal(0, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("phase\tfit\t", error, StringComparison.Ordinal);
        Assert.Contains("phase\tload split + matrix\t", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFit_ModelOutsideTheAotSet_ExitsOneNamingTheModels()
    {
        var (code, output, error) = await Fit("bench", "fit", _split, "--model", "hierarchy");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("unknown model 'hierarchy'", error, StringComparison.Ordinal);
        Assert.Contains("item-knn", error, StringComparison.Ordinal);
        Assert.Contains("full encore CLI", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFit_BadSettingValue_ExitsOneNamingTheKey()
    {
        var (code, _, error) = await Fit("bench", "fit", _split, "--model", "als", "--set", "factors=many");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("factors=many", error, StringComparison.Ordinal);
        Assert.Contains("expected integer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFit_UnknownSettingKey_ListsTheValidKeys()
    {
        var (code, _, error) = await Fit("bench", "fit", _split, "--model", "item-knn", "--set", "nieghbours=5");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown setting 'nieghbours'", error, StringComparison.Ordinal);
        Assert.Contains("neighbours", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFit_MissingModelOption_ExitsOne()
    {
        // As in encore: the problem on stderr with a pointer to the command's help (ParseErrorText).
        var (code, _, error) = await Fit("bench", "fit", _split);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--model", error, StringComparison.Ordinal);
        Assert.Contains("see 'encore-fit bench fit --help'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFit_NegativeSeed_SaysWhatTheSeedExpectsWithoutTypeNames()
    {
        var (code, output, error) = await Fit("bench", "fit", _split, "--model", "als", "--seed", "-1");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--seed expects a whole number from 0 to 18446744073709551615; got '-1'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFit_NoSuchFolder_ExitsOne()
    {
        var missing = Path.Combine(Dir, "nowhere");
        var (code, _, error) = await Fit("bench", "fit", missing, "--model", "als");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchFit_MalformedTrainFile_ExitsTwoNamingFileAndLine()
    {
        var bad = Path.Combine(Dir, "bad");
        Directory.CreateDirectory(bad);
        await File.WriteAllTextAsync(Path.Combine(bad, "train.tsv"), "user\titem\tvalue\nu1\ta1\t3\nu2\ta2\tlots\n");
        await File.WriteAllTextAsync(Path.Combine(bad, "test.tsv"), "user\titem\tvalue\n");
        var (code, _, error) = await Fit("bench", "fit", bad, "--model", "popularity");
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("train.tsv", error, StringComparison.Ordinal);
        Assert.Contains("train.tsv:3: field 'value'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsBothCommands()
    {
        var (code, output, _) = await Fit("--help");
        Assert.Equal(0, code);
        Assert.Contains("bench", output, StringComparison.Ordinal);
        Assert.Contains("train", output, StringComparison.Ordinal);
        var (trainCode, trainHelp, _) = await Fit("train", "--help");
        Assert.Equal(0, trainCode);
        Assert.Contains("neighbours", trainHelp, StringComparison.Ordinal);
        Assert.Contains("cg-steps", trainHelp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("item-knn")]
    [InlineData("als")]
    [InlineData("bpr")]
    [InlineData("user-knn")]
    [InlineData("popularity")]
    public async Task Train_ModelFile_LoadsAndRecommendsAsTheSameFitInProcess(string model)
    {
        var path = Path.Combine(Dir, model + ".bin");
        var (code, output, error) = await Fit("train", _split, "--model", model, "--set", "factors=8", "--threads", "1", "-o", path);
        // popularity and the kNN models have no factors: the key is refused, so train them without it.
        if (code == ExitCodes.Usage)
        {
            Assert.Contains("unknown setting 'factors'", error, StringComparison.Ordinal);
            (code, output, error) = await Fit("train", _split, "--model", model, "--threads", "1", "-o", path);
        }
        Assert.True(code == 0, error);
        Assert.Contains($"trained {model}", output, StringComparison.Ordinal);

        var loaded = ModelLoader.Load(path);
        var data = PeersSplit.LoadTrain(_split);
        var settings = new Dictionary<string, string> { ["threads"] = "1", ["seed"] = "42" };
        if (model is "als" or "bpr") settings["factors"] = "8";
        var expected = TrainerCatalog.Create(model, settings).Fit(data);
        Assert.Equal(model, loaded.ModelName);
        for (var u = 0; u < data.UserCount; u += 7)
            Assert.Equal(expected.RecommendOne(u, 5).Items, loaded.RecommendOne(u, 5).Items);

        var (recommendCode, recommendations, recommendError) = await ConsoleCapture.RunAsync("recommend", path, "--user", "u3", "--k", "3");
        Assert.True(recommendCode == ExitCodes.Ok, recommendError);
        Assert.Contains(data.Items[expected.RecommendOne(data.Users.IndexOf("u3"), 1).Items[0]], recommendations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_TriplesFile_IsReadLikeTheSplitsTrainFile()
    {
        var path = Path.Combine(Dir, "file.bin");
        var (code, _, error) = await Fit("train", Path.Combine(_split, "train.tsv"), "--model", "item-knn", "-o", path);
        Assert.True(code == 0, error);
        Assert.Equal("item-knn", ModelLoader.Load(path).ModelName);
    }

    [Fact]
    public async Task Train_MissingInput_ExitsOneAndWritesNothing()
    {
        var path = Path.Combine(Dir, "none.bin");
        var (code, _, error) = await Fit("train", Path.Combine(Dir, "absent.tsv"), "--model", "als", "-o", path);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("absent.tsv", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Train_MissingOutput_ExitsOne()
    {
        var (code, _, error) = await Fit("train", _split, "--model", "als");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--output", error, StringComparison.Ordinal);
    }
}
