using Encore.Models.Files;
using Encore.Models.Popularity;

namespace Encore.Cli.Tests;

/// <summary>End-to-end runs of train, recommend and similar on a Tiny synthetic world (users u1.., tracks t1..).</summary>
[Collection("console")]
public sealed class ModelCommandsTests(ModelCommandsFixture world) : TempFolderTest("encore-cli-train-"), IClassFixture<ModelCommandsFixture>
{
    [Theory]
    [InlineData("popularity")]
    [InlineData("item-knn", "--set", "neighbours=20")]
    [InlineData("user-knn", "--set", "neighbours=20")]
    [InlineData("playlist-knn")]
    [InlineData("ease", "--set", "lambda=50")]
    [InlineData("ease", "--set", "lambda=50", "--set", "minimum-users=2")]
    [InlineData("als", "--set", "factors=8", "--set", "iterations=2")]
    [InlineData("bpr", "--set", "factors=8", "--set", "iterations=2")]
    [InlineData("lmf", "--set", "factors=8", "--set", "iterations=2")]
    [InlineData("warp", "--set", "factors=8", "--set", "iterations=2")]
    [InlineData("vae", "--set", "hidden=8", "--set", "latent=4", "--set", "epochs=2")]
    public async Task Train_EveryModel_SavesALoadableModel(string model, params string[] settings)
    {
        var output = Path.Combine(Dir, $"{model}.bin");
        var (code, _, error) = await ConsoleCapture.RunAsync(["train", world.World, "--model", model, "-o", output, .. settings]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(model, ModelLoader.Load(output).ModelName);
        // In a pipe: no per-epoch lines, one summary line.
        Assert.DoesNotContain("epoch 1/", error, StringComparison.Ordinal);
        Assert.Contains($"{model}: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_UnknownSetting_ExitsWithUsageAndListsTheValidKeys()
    {
        var (code, _, error) = await ConsoleCapture.RunAsync("train", world.World, "--model", "als", "-o", Path.Combine(Dir, "m.bin"), "--set", "factorz=8");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown setting 'factorz' for model als; valid settings: factors, regularization,", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "m.bin")));
    }

    [Fact]
    public async Task Train_BadWeightsConfidenceOrLevel_ExitWithUsage()
    {
        var output = Path.Combine(Dir, "m.bin");
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("train", world.World, "--model", "popularity", "-o", output, "--weights", "jump=1")).Code);
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("train", world.World, "--model", "popularity", "-o", output, "--confidence", "cubic")).Code);
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("train", world.World, "--model", "popularity", "-o", output, "--level", "genre")).Code);
    }

    [Fact]
    public async Task Train_ArtistLevel_ModelItemsAreArtists()
    {
        var output = Path.Combine(Dir, "artist.bin");
        var (code, _, _) = await ConsoleCapture.RunAsync("train", world.World, "--model", "popularity", "--level", "artist", "--confidence", "log1p", "-o", output);
        Assert.Equal(ExitCodes.Ok, code);
        var model = ModelLoader.Load(output);
        Assert.Equal(60, model.Items.Count);
        Assert.StartsWith("ar", model.Items[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_EventsWithPlayCounts_UsesThemByDefaultAndNotWhenOff()
    {
        var csv = Path.Combine(Dir, "plays.csv");
        await File.WriteAllTextAsync(csv, "uid,song,count\nu1,s1,3\nu1,s2,1\nu2,s1,5\n");
        var data = Path.Combine(Dir, "plays");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", csv, "-o", data, "--set", "user=uid", "--set", "item=song", "--set", "value=count")).Code);
        var counted = Path.Combine(Dir, "counted.bin");
        var plain = Path.Combine(Dir, "plain.bin");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("train", data, "--model", "popularity", "--set", "scoring=value-sum", "-o", counted)).Code);
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("train", data, "--model", "popularity", "--set", "scoring=value-sum", "--values", "off", "-o", plain)).Code);
        Assert.Equal([8f, 1f], ((PopularityModel)ModelLoader.Load(counted)).ItemScores.ToArray());
        Assert.Equal([2f, 1f], ((PopularityModel)ModelLoader.Load(plain)).ItemScores.ToArray());
    }

    [Fact]
    public async Task Recommend_KnownUser_PrintsTitlesAndModelPath()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.Als, "--user", "u1", "--k", "5", "--dataset", world.World);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("recommendations for user u1 (als)", output, StringComparison.Ordinal);
        var titles = Encore.Data.Snapshots.DatasetSnapshot.Read(world.World).TrackInfo.Titles;
        Assert.Contains(titles, t => t is not null && output.Contains(t, StringComparison.Ordinal));
        Assert.Contains("path: model", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_SnapshotOfAnotherDataset_WarnsThatTheModelsItemsAreNotInIt()
    {
        // s16-user: a HetRec model shown with piki's snapshot printed empty titles without a word.
        var csv = Path.Combine(Dir, "other.csv");
        await File.WriteAllTextAsync(csv, "uid,song\nx1,s1\nx2,s2\nx2,t1\n");
        var other = Path.Combine(Dir, "other");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", csv, "-o", other, "--set", "user=uid", "--set", "item=song")).Code);
        var items = ModelLoader.Load(world.Als).Items.Count;

        var (code, output, error) = await ConsoleCapture.RunAsync("recommend", world.Als, "--user", "u1", "--k", "3", "--dataset", other);
        var (own, _, ownError) = await ConsoleCapture.RunAsync("recommend", world.Als, "--user", "u1", "--k", "3", "--dataset", world.World);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (code, own));
        Assert.Contains($"warning: only 1 of the model's {items:N0} items are in the snapshot {other} (3 tracks, 0 artists): was the model trained on another dataset?",
            error.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("path: model", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", ownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_UnknownUserWithoutHistory_AnswersWithPopularity()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.Als, "--user", "never-seen", "--k", "5");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("path: popularity", output, StringComparison.Ordinal);
        Assert.Contains("│    5 │", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_UnknownUserWithHistory_FoldsInAndReportsUnknownTracks()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.ItemKnn, "--user", "never-seen", "--history", "t10,t20,no-such-track", "--k", "5");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("path: fold-in (user 'never-seen' is not in the model; folded in 2 known history items)", output, StringComparison.Ordinal);
        Assert.Contains("ignored ids the model does not know: no-such-track", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_KnownUserWithHistory_SaysTheHistoryWasNotUsed()
    {
        // Session 24's trial: a history given with a known user was dropped without a word.
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.ItemKnn, "--user", "u2", "--history", "t10", "--k", "3");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("path: model (user 'u2' is in the model; --history was not used (it folds in only a user the model does not know))", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_ExcludeAndIncludeSeen_AreApplied()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.ItemKnn, "--user", "u2", "--k", "3", "--include-seen", "--allow", "t1,t2,t3,zz", "--exclude", "t3");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.DoesNotContain(" t3 ", output, StringComparison.Ordinal);
        Assert.Contains("ignored ids the model does not know: zz", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_Group_PrintsEachMembersSatisfaction()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.Als, "--group", "u1,u2,u3,ghost", "--strategy", "least-misery", "--k", "5");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("group members not in the model (left out): ghost", output, StringComparison.Ordinal);
        Assert.Contains("member satisfaction", output, StringComparison.Ordinal);
        Assert.Contains("│ u3 ", output, StringComparison.Ordinal);
        Assert.Contains("path: group (3 known members, strategy least-misery)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leastmisery", "least-misery")]
    [InlineData("least_misery", "least-misery")]
    [InlineData("mostpleasure", "most-pleasure")]
    public async Task Recommend_GroupWithAnUndocumentedStrategySpelling_ExitsWithUsageNamingTheValidOnes(string text, string suggestion)
    {
        // The user's report: "leastmisery" was accepted silently; only the documented names are.
        var (code, _, error) = await ConsoleCapture.RunAsync("recommend", world.Als, "--group", "u1,u2", "--strategy", text);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"--strategy '{text}' is not a group strategy; expected one of average, least-misery, most-pleasure, borda, overlap-first, expected-plays (aliases avg, borda-count, overlap); did you mean '{suggestion}'?", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("recommend", world.Als, "--group", "u1,u2", "--strategy", "Least-Misery")).Code);
    }

    [Fact]
    public async Task Recommend_GroupOfStrangers_FallsBackToPopularity()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.Als, "--group", "x,y", "--strategy", "borda");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("path: popularity", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_PlaylistSeedsWithPlaylistKnn_ContinuesThePlaylist()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("recommend", world.PlaylistKnn, "--playlist-seeds", "t1,t2,t3", "--k", "5");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("continuation of 3 seed tracks (playlist-knn)", output, StringComparison.Ordinal);
        Assert.Contains("path: fold-in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_NoTarget_ExitsWithUsage()
    {
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("recommend", world.Als)).Code);
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("recommend", world.Als, "--user", "u1", "--group", "u2")).Code);
        Assert.Equal(ExitCodes.Usage, (await ConsoleCapture.RunAsync("recommend", world.Als, "--group", "u1,u2", "--strategy", "dictator")).Code);
    }

    [Fact]
    public async Task Similar_FactorModel_ListsNeighbours()
    {
        var (code, output, _) = await ConsoleCapture.RunAsync("similar", world.Als, "--track", "t10", "--k", "4", "--dataset", world.World);
        Assert.Equal(ExitCodes.Ok, code);
        var title = Encore.Data.Snapshots.DatasetSnapshot.Read(world.World).TrackInfo.Titles[9];
        Assert.Contains($"items similar to t10 ({title}", output, StringComparison.Ordinal);
        Assert.Contains("│    4 │", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_ModelWithoutSimilaritiesOrUnknownTrack_ExitsWithAClearMessage()
    {
        var (code, _, error) = await ConsoleCapture.RunAsync("similar", world.PlaylistKnn, "--track", "t10");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("the playlist-knn model has no item similarities", error, StringComparison.Ordinal);
        (code, _, error) = await ConsoleCapture.RunAsync("similar", world.ItemKnn, "--track", "no-such-track");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("item 'no-such-track' is not in the model", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_TruncatedOrCorruptModelFile_ExitsWithCode3()
    {
        var bytes = await File.ReadAllBytesAsync(world.ItemKnn);
        var truncated = Path.Combine(Dir, "truncated.bin");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var (code, _, error) = await ConsoleCapture.RunAsync("recommend", truncated, "--user", "u1");
        Assert.Equal(ExitCodes.BadModelFile, code);
        Assert.Contains("truncated", error, StringComparison.Ordinal);

        var corrupt = Path.Combine(Dir, "corrupt.bin");
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(corrupt, bytes);
        Assert.Equal(ExitCodes.BadModelFile, (await ConsoleCapture.RunAsync("similar", corrupt, "--track", "t1")).Code);
    }
}
