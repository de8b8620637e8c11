namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Faults a newcomer met in session 12 (the command that showed each is in its test's summary): each now
/// exits with the documented code and a message that names what was wrong and what was expected.
/// </summary>
[Collection("console")]
public sealed class NewUserFaultTests() : TempFolderTest("encore-newuser-")
{
    /// <summary>
    /// <c>encore import table plays.csv -o ds --set user=user --set item=item --set valu=count</c> imported the
    /// table without its values (the typo was ignored); <c>import hetrec ... --set foo=bar</c> ignored it too.
    /// </summary>
    [Theory]
    [InlineData("table", "valu", "valid settings: user, item, value")]
    [InlineData("hetrec", "foo", "takes no --set settings")]
    [InlineData("piki", "foo", "takes no --set settings")]
    public async Task Import_UnknownSetting_ExitsUsageNamingItAndWritesNothing(string format, string key, string expected)
    {
        var csv = Write("plays.csv", "user,item,count\nu1,t1,3\nu2,t2,5\n");
        var output = Path.Combine(Dir, "ds");

        string[] mapping = format == "table" ? ["--set", "user=user", "--set", "item=item"] : [];

        var (code, _, error) = await ConsoleCapture.RunAsync(["import", format, csv, "-o", output, .. mapping, "--set", key + "=count"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"unknown setting '{key}'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    /// <summary><c>encore recommend data/hetrec --user 2</c> (a dataset, not a model) said "model file not found".</summary>
    [Fact]
    public async Task Recommend_DatasetFolderForModel_SaysItIsAFolderAndHowToTrain()
    {
        var dataset = Path.Combine(Dir, "ds");
        var csv = Write("plays.csv", "user,item\nu1,t1\nu2,t2\n");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", csv, "-o", dataset, "--set", "user=user", "--set", "item=item")).Code);

        var (code, _, error) = await ConsoleCapture.RunAsync("recommend", dataset, "--user", "u1");

        Assert.Equal(ExitCodes.BadModelFile, code);
        Assert.Contains("is a folder, not a model file", error, StringComparison.Ordinal);
        Assert.Contains("encore train", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore train nosuch --model als -o x.bin</c> and <c>encore train ../shared/datasets/lastfm-hetrec2011-2k ...</c>
    /// both said "manifest.json missing": neither that the path does not exist nor that a source must be imported first.
    /// </summary>
    [Theory]
    [InlineData("missing", "not found", ExitCodes.Usage)]
    [InlineData("source-folder", "encore import", ExitCodes.BadModelFile)]
    [InlineData("plays.csv", "is a file", ExitCodes.BadModelFile)]
    public async Task Stats_PathThatIsNoSnapshot_SaysWhatItIsAndWhatToDo(string name, string expected, int exitCode)
    {
        Write("plays.csv", "user,item\nu1,t1\n");
        Directory.CreateDirectory(Path.Combine(Dir, "source-folder"));
        File.WriteAllText(Path.Combine(Dir, "source-folder", "user_artists.dat"), "userID\tartistID\tweight\n");

        var (code, _, error) = await ConsoleCapture.RunAsync("stats", Path.Combine(Dir, name));

        Assert.Equal(exitCode, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore import table empty-folder/ -o ds --set user=user --set item=item</c> said "the input holds no data rows
    /// (an empty file, or only a header)" about a folder with no file in it.
    /// </summary>
    [Theory]
    [InlineData("table")]
    [InlineData("piki")]
    public async Task Import_EmptyFolder_SaysTheFolderHoldsNoFiles(string format)
    {
        var folder = Path.Combine(Dir, "empty-folder");
        Directory.CreateDirectory(folder);
        string[] mapping = format == "table" ? ["--set", "user=user", "--set", "item=item"] : [];

        var (code, _, error) = await ConsoleCapture.RunAsync(["import", format, folder, "-o", Path.Combine(Dir, "ds"), .. mapping]);

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("empty-folder", error, StringComparison.Ordinal);
        Assert.Contains("the folder holds no files", error, StringComparison.Ordinal);
    }

    /// <summary><c>encore recommend model.bin --user ""</c> answered "recommendations for user  (als)" from popularity.</summary>
    [Theory]
    [InlineData("recommend", "--user", "")]
    [InlineData("recommend", "--user", "  ")]
    [InlineData("similar", "--track", "")]
    [InlineData("score", "--user", " ")]
    public async Task IdOption_Empty_ExitsUsageNamingTheOption(string command, string option, string value)
    {
        var bin = await TrainSmallKnnAsync();
        string[] extra = command == "score" ? ["--tracks", "t1"] : [];

        var (code, _, error) = await ConsoleCapture.RunAsync([command, bin, option, value, .. extra]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{option} is empty; expected an id.", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore recommend model.bin --group 101,,102</c> and <c>--group 101,101</c> (s13-user1): the empty id was dropped and the
    /// repeat counted once, both without a word (the output said "1 known members").
    /// </summary>
    [Theory]
    [InlineData("u1,,u2", "--group 'u1,,u2' has an empty id at position 2")]
    [InlineData("u1,u1", "--group names 'u1' 2 times; give each member once.")]
    public async Task Group_EmptyOrRepeatedMember_ExitsUsageSayingWhich(string group, string expected)
    {
        var bin = await TrainSmallKnnAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("recommend", bin, "--group", group);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    // Three plays of two users imported and trained as item-kNN: a model file for the id-option cases.
    private async Task<string> TrainSmallKnnAsync()
    {
        var dataset = Path.Combine(Dir, "ds");
        var csv = Write("plays.csv", "user,item\nu1,t1\nu1,t2\nu2,t2\n");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", csv, "-o", dataset, "--set", "user=user", "--set", "item=item")).Code);
        var bin = Path.Combine(Dir, "knn.bin");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("train", dataset, "--model", "item-knn", "-o", bin)).Code);
        return bin;
    }
}
