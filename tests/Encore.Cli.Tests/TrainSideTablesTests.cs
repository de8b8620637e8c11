using Encore.Models.Blend;
using Encore.Models.Files;
using Encore.Models.Social;

namespace Encore.Cli.Tests;

/// <summary>
/// <c>encore train</c> gives every model the dataset's side tables, as <c>evaluate</c> does: a model that reads the
/// friendships (the friends model, alone or inside a blend) must not be fitted without them. The fault this keeps
/// out: <c>train --model friends</c> once wrote a popularity list because only the funnel was given the side tables.
/// </summary>
[Collection("console")]
public sealed class TrainSideTablesTests() : TempFolderTest("encore-train-side-")
{
    // A HetRec-shaped folder: users 2 and 3 are friends, user 4 is a friend of 2; five artists.
    private async Task<string> HetRecSnapshotAsync()
    {
        var source = Directory.CreateDirectory(Path.Combine(Dir, "hetrec")).FullName;
        await File.WriteAllTextAsync(Path.Combine(source, "artists.dat"),
            "id\tname\turl\tpictureURL\n1\tA\thttp://a\thttp://p\n2\tB\thttp://b\thttp://q\n3\tC\thttp://c\thttp://r\n4\tD\thttp://d\thttp://s\n5\tE\thttp://e\thttp://t\n");
        await File.WriteAllTextAsync(Path.Combine(source, "tags.dat"), "tagID\ttagValue\n1\trock\n");
        await File.WriteAllTextAsync(Path.Combine(source, "user_artists.dat"),
            "userID\tartistID\tweight\n2\t1\t100\n2\t2\t50\n3\t2\t10\n3\t3\t20\n4\t4\t30\n5\t5\t5\n5\t1\t7\n");
        await File.WriteAllTextAsync(Path.Combine(source, "user_taggedartists.dat"), "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t1\t1\t1\t4\t2009\n");
        await File.WriteAllTextAsync(Path.Combine(source, "user_friends.dat"), "userID\tfriendID\n2\t3\n3\t2\n4\t2\n2\t4\n");
        var snapshot = Path.Combine(Dir, "snapshot");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "hetrec", source, "-o", snapshot]));
        return snapshot;
    }

    [Fact]
    public async Task Train_Friends_IsFittedOnTheDatasetsFriendships()
    {
        var snapshot = await HetRecSnapshotAsync();
        var output = Path.Combine(Dir, "friends.bin");
        var (code, _, error) = await ConsoleCapture.RunAsync(["train", snapshot, "--model", "friends", "-o", output]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("user links", error, StringComparison.Ordinal);
        var model = Assert.IsType<FriendsModel>(ModelLoader.Load(output));
        Assert.True(model.FriendWeights.NonZeros >= 4, $"expected the 4 friendship links, got {model.FriendWeights.NonZeros}");
    }

    [Fact]
    public async Task Train_BlendWithAFriendsComponent_GivesItTheFriendships()
    {
        var snapshot = await HetRecSnapshotAsync();
        var output = Path.Combine(Dir, "blend.bin");
        var (code, _, _) = await ConsoleCapture.RunAsync(["train", snapshot, "--model", "blend", "--set", "components=friends+popularity", "--set", "weights=1:1", "-o", output]);
        Assert.Equal(ExitCodes.Ok, code);
        var blend = Assert.IsType<BlendModel>(ModelLoader.Load(output));
        var friends = Assert.IsType<FriendsModel>(blend.Components[0]);
        Assert.True(friends.FriendWeights.NonZeros >= 4, $"expected the 4 friendship links, got {friends.FriendWeights.NonZeros}");
    }
}
