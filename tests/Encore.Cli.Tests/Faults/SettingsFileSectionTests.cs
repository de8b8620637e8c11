namespace Encore.Cli.Tests.Faults;

/// <summary>
/// <c>encore train ium23 --model ease --settings "tuned als.ini" -o ease.bin</c> (a file tune wrote for ALS) trained a
/// default EASE without a word, and <c>--model als</c> with it never said what it applied. <c>train</c> now names what
/// the file set, and <c>train</c> / <c>evaluate</c> name a model the file has no section for.
/// </summary>
[Collection("console")]
public sealed class SettingsFileSectionTests() : TempFolderTest("encore-settings-section-")
{
    private string World => Path.Combine(Dir, "world");

    private string Ini => Path.Combine(Dir, "tuned als.ini");

    private async Task Prepare()
    {
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", World, "--preset", "tiny", "--seed", "7"]));
        File.WriteAllText(Ini, "# encore tune (hand-written)\n[als]\nfactors = 8\niterations = 2\n");
    }

    [Fact]
    public async Task Train_ModelWithoutASectionInTheFile_SaysItRunsWithItsDefaults()
    {
        await Prepare();

        var (code, _, error) = await ConsoleCapture.RunAsync("train", World, "--model", "item-knn", "--settings", Ini, "-o", Path.Combine(Dir, "knn.bin"));

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"note: {Ini} has no [item-knn] section (it has [als]); item-knn runs with its defaults.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_ModelWithASection_NamesWhatTheFileSet()
    {
        await Prepare();

        var (code, _, error) = await ConsoleCapture.RunAsync("train", World, "--model", "als", "--settings", Ini, "-o", Path.Combine(Dir, "als.bin"));

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"settings from {Ini} [als]: factors=8 iterations=2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ModelsWithoutASection_AreNamed()
    {
        await Prepare();

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", World, "--models", "popularity,als", "--settings", Ini,
            "--store", Path.Combine(Dir, "runs.db"));

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"note: {Ini} has no [popularity] section (it has [als]); popularity runs with its defaults.", error, StringComparison.Ordinal);
    }
}
