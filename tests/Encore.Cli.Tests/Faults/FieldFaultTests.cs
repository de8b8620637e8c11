using Encore.Data.Snapshots;

namespace Encore.Cli.Tests.Faults;

/// <summary>The command-line examples of issue 12, each with its documented exit code and a clear message.</summary>
[Collection("console")]
public sealed class FieldFaultTests() : TempFolderTest("encore-faults-")
{
    /// <summary>Issue 12 item 1's example: tbad is the most-touched track and the most disliked.</summary>
    private const string DislikedCsv = "user,item,kind\nu1,t1,play\nu1,tbad,dislike\nu2,t2,play\nu2,tbad,dislike\nu3,t2,play\nu3,tbad,dislike\nu4,t1,play\n";

    /// <summary>Issue 12 item 2's example: uskip only skipped thit.</summary>
    private const string SkippedCsv = "user,item,kind\nu1,trare,play\nu2,thit,play\nu3,thit,play\nu4,thit,play\nuskip,thit,skip\n";

    private async Task<string> ImportAsync(string csv, string name = "ds")
    {
        var output = Path.Combine(Dir, name);
        var (code, _, error) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", output, "--set", "user=user", "--set", "item=item", "--set", "kind=kind");
        Assert.True(code == ExitCodes.Ok, error);
        return output;
    }

    /// <summary>Imports <paramref name="csv"/> and trains <paramref name="model"/> on it; returns the model file.</summary>
    private async Task<string> TrainAsync(string csv, string model, params string[] extra)
    {
        var ds = await ImportAsync(Write(model + ".csv", csv), model + "-ds");
        var bin = Path.Combine(Dir, model + ".bin");
        var (code, _, error) = await ConsoleCapture.RunAsync(["train", ds, "--model", model, "-o", bin, .. extra]);
        Assert.True(code == ExitCodes.Ok, error);
        return bin;
    }

    /// <summary><c>recommend</c> on <paramref name="bin"/>: exit 0 expected; returns stdout.</summary>
    private static async Task<string> RecommendAsync(string bin, params string[] args)
    {
        var (code, output, error) = await ConsoleCapture.RunAsync(["recommend", bin, .. args]);
        Assert.True(code == ExitCodes.Ok, error);
        return output;
    }

    [Theory]
    [InlineData("popularity")]
    [InlineData("item-knn")]
    [InlineData("user-knn")]
    [InlineData("ease")]
    [InlineData("als")]
    [InlineData("bpr")]
    [InlineData("lmf")]
    [InlineData("warp")]
    [InlineData("vae")]
    [InlineData("rp3beta")]
    [InlineData("wmf")]
    public async Task Recommend_DislikeWeightedMinusOne_NeverServesTheDislikedTrack(string model)
    {
        var bin = await TrainAsync(DislikedCsv, model, "--weights", "play=1,dislike=-1");

        Assert.DoesNotContain("tbad", await RecommendAsync(bin, "--user", "u4", "-k", "3"), StringComparison.Ordinal);
        Assert.DoesNotContain("tbad", await RecommendAsync(bin, "--user", "newcomer", "-k", "3"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("item-knn", "--user", "uskip")]
    [InlineData("user-knn", "--user", "guest", "--history", "trare")]
    public async Task Recommend_NoUsableSignal_SaysPopularityAndWhy(string model, params string[] who)
    {
        var bin = await TrainAsync(SkippedCsv, model);

        var output = await RecommendAsync(bin, [.. who, "-k", "3"]);

        Assert.Contains("path: popularity", output, StringComparison.Ordinal);
        Assert.DoesNotContain("path: fold-in", output, StringComparison.Ordinal);
        Assert.Contains(who[1] == "uskip" ? "no positive signal (no events at all, or only skips, dislikes or zero totals)" : "no evidence", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EpochMillisecondsAsSeconds_IsARowFault()
    {
        var csv = Write("ms.csv", "user,item,time\nu1,t1,1700000000000\nu2,t1,1700000000\n");
        var output = Path.Combine(Dir, "ds");

        var (strict, _, error) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", output, "--strict", "--set", "user=user", "--set", "item=item", "--set", "time=time", "--set", "time-unit=s");
        var (lenient, _, _) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", output, "--set", "user=user", "--set", "item=item", "--set", "time=time", "--set", "time-unit=s");

        Assert.Equal(ExitCodes.BadData, strict);
        Assert.Contains("ms.csv:2", error, StringComparison.Ordinal);
        Assert.Contains("time-unit=ms", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, lenient);
        Assert.Equal(1, DatasetSnapshot.Read(output).Events.Count);
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("stats", output)).Code);
    }

    [Theory]
    [InlineData("user,item\n")]
    [InlineData("")]
    [InlineData("user,item\n,t1\n,t2\n")]
    public async Task Import_NothingImported_ExitsBadDataInBothModes(string text)
    {
        var csv = Write("empty.csv", text);
        foreach (var strict in new[] { false, true })
        {
            string[] args = ["import", "table", csv, "-o", Path.Combine(Dir, "ds"), "--set", "user=user", "--set", "item=item", "--set", "header=true"];
            var (code, _, error) = await ConsoleCapture.RunAsync(strict ? [.. args, "--strict"] : args);
            Assert.Equal(ExitCodes.BadData, code);
            Assert.Contains("empty.csv", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_ControlCharacterInId_IsARowFault()
    {
        var csv = Write("nul.csv", "user,item\nu\u00001,t1\nu2,t1\n");
        var output = Path.Combine(Dir, "ds");

        var (code, _, _) = await ConsoleCapture.RunAsync("import", "table", csv, "-o", output, "--set", "user=user", "--set", "item=item");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(["u2"], DatasetSnapshot.Read(output).Users.Ids);
    }

    [Fact]
    public async Task Import_OverDifferentSnapshot_RefusesUnlessForced()
    {
        var output = Path.Combine(Dir, "ds");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", Write("a.csv", "user,item\nu1,t1\n"), "-o", output, "--set", "user=user", "--set", "item=item")).Code);
        var first = DatasetSnapshot.ReadManifest(output).ContentHash;
        var stale = output + ".tmp-0123456789ab";
        Directory.CreateDirectory(stale);
        var b = Write("b.csv", "user,item\nu2,t2\n");

        var (refused, _, error) = await ConsoleCapture.RunAsync("import", "table", b, "-o", output, "--set", "user=user", "--set", "item=item");
        Assert.Equal(ExitCodes.Usage, refused);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(first, DatasetSnapshot.ReadManifest(output).ContentHash);
        Assert.False(Directory.Exists(stale));

        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", b, "-o", output, "--force", "--set", "user=user", "--set", "item=item")).Code);
        Assert.NotEqual(first, DatasetSnapshot.ReadManifest(output).ContentHash);
        Assert.Empty(Directory.GetDirectories(Dir, "ds.tmp-*"));
    }

    [Fact]
    public async Task Recommend_HostileModelHeader_ExitsBadModelFileNamingIt()
    {
        // ENCOREMF, version 1, name length 0x7FFFFFFF, "als": 19 bytes.
        var path = Path.Combine(Dir, "hostile.bin");
        File.WriteAllBytes(path, [.. "ENCOREMF"u8, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, .. "als"u8]);

        var (code, _, error) = await ConsoleCapture.RunAsync("recommend", path, "--user", "u1");

        Assert.Equal(ExitCodes.BadModelFile, code);
        Assert.Contains("hostile.bin", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SettingOutOfRange_HasNoRuntimeText()
    {
        var ds = await ImportAsync(Write("min.csv", "user,item,kind\nu1,t1,play\nu2,t2,play\n"));

        var (code, _, error) = await ConsoleCapture.RunAsync("train", ds, "--model", "als", "--set", "factors=-3", "-o", Path.Combine(Dir, "m.bin"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("factors", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(Parameter '", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value was", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("als")]
    [InlineData("wmf")]
    [InlineData("bpr")]
    [InlineData("lmf")]
    [InlineData("warp")]
    public async Task Train_ZeroIterations_IsRefused_NotSavedAsFitted(string model)
    {
        // A field report: iterations=0 exited 0 and saved the random start as "fitted".
        var ds = await ImportAsync(Write("zero.csv", "user,item,kind\nu1,t1,play\nu2,t2,play\n"));
        var output = Path.Combine(Dir, $"{model}-zero.bin");

        var (code, _, error) = await ConsoleCapture.RunAsync("train", ds, "--model", model, "--set", "iterations=0", "-o", output);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("iterations", error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task FalseNegatives_ModelOfAnotherDataset_WarnsThatNothingIsScorable()
    {
        // A field report: a model of another dataset gave an empty table and exit 0, with the reason only in a count.
        var other = await ImportAsync(Write("other.csv", "user,item,kind\nu1,t1,play\nu2,t2,play\n"), "other");
        var model = Path.Combine(Dir, "other-pop.bin");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["train", other, "--model", "popularity", "-o", model]));
        var ds = await ImportAsync(Write("skips.csv", "user,item,kind\nx1,y1,skip\nx2,y2,play\n"));

        var (code, _, error) = await ConsoleCapture.RunAsync("false-negatives", ds, "--model", model);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("none of the 1 \"not liked\" pairs can be scored", error, StringComparison.Ordinal);
        Assert.Contains("another dataset", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NotAModelFile_ExitsBadModelFile()
    {
        var notModel = Write("notes.bin", "this is not a model");

        var (code, _, error) = await ConsoleCapture.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--model", notModel);

        Assert.Equal(ExitCodes.BadModelFile, code);
        Assert.Contains("notes.bin", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingConfigFile_ExitsBadCommandLine()
    {
        var (code, _, error) = await ConsoleCapture.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--config", Path.Combine(Dir, "nope.toml"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("nope.toml", error, StringComparison.Ordinal);
    }
}
