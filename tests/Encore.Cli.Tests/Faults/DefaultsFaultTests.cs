namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Faults a newcomer met in session 14 running every model as it comes on their own tables (the command that showed
/// each is in its test's summary).
/// </summary>
[Collection("console")]
public sealed class DefaultsFaultTests() : TempFolderTest("encore-defaults-")
{
    // Writes <name>.csv and imports it as a table with the given column mapping; returns the snapshot folder.
    private Task<string> ImportAsync(string name, List<string> lines, params string[] mapping) => FaultTables.ImportAsync(Dir, name, lines, mapping);

    private Task<string> PlainTableAsync() => ImportAsync("plays", FaultTables.Plain(), "user=user", "item=item");

    /// <summary>
    /// <c>encore evaluate ds --models all</c> on a table without content vectors trained every model (the funnel for two
    /// minutes), then failed on affinity with no leaderboard; named explicitly, affinity failed only after the models
    /// before it were trained.
    /// </summary>
    [Fact]
    public async Task Evaluate_AffinityNamedOnDataWithoutContent_StopsBeforeAnyFit()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity,affinity", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("affinity: needs track content vectors", error, StringComparison.Ordinal);
        Assert.DoesNotContain("popularity: fit", error, StringComparison.Ordinal);
    }

    /// <summary><c>encore evaluate ds --models friends</c> on a table without friendships printed a popularity list's score without a word.</summary>
    [Fact]
    public async Task Evaluate_FriendsOnDataWithoutFriendships_SaysItIsThePopularityList()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity,friends", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("friends: note: this data has no friendships (user links), so every user gets the popularity list", error, StringComparison.Ordinal);
    }

    /// <summary><c>encore train ds --model friends -o f.bin</c> on a table without friendships wrote a popularity list without a word.</summary>
    [Fact]
    public async Task Train_FriendsOnDataWithoutFriendships_SaysItIsThePopularityList()
    {
        var dataset = await PlainTableAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("train", dataset, "--model", "friends", "-o", Path.Combine(Dir, "f.bin"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("note: friends: this data has no friendships", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore evaluate likes.csv-snapshot</c> on a table of +1 / -1 values (likes and dislikes) said nothing about how the
    /// values were read: the automatic confidence choice was printed by train and tune but not by evaluate or sweep when it
    /// chose "none".
    /// </summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("sweep")]
    public async Task EvaluateAndSweep_SignedValues_PrintTheAutomaticConfidenceChoice(string command)
    {
        var lines = new List<string> { "user,item,value" };
        for (var u = 0; u < 12; u++)
            for (var i = 0; i < 8; i++)
                if ((u + i) % 3 != 0) lines.Add($"u{u},t{(i + u) % 8},{((u * i) % 4 == 0 ? -1 : 1)}");
        var dataset = await ImportAsync("likes", lines, "user=user", "item=item", "value=value");
        string[] args = command == "evaluate"
            ? ["evaluate", dataset, "--models", "popularity", "--store", Path.Combine(Dir, "runs.db")]
            : ["sweep", dataset, "--model", "item-knn", "--grid", "neighbours=5,10", "--store", Path.Combine(Dir, "runs.db")];

        var (code, _, error) = await ConsoleCapture.RunAsync(args);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("confidence none chosen from the data: signed values", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore evaluate ds</c> on a table where every user has one track trained every model, printed a leaderboard of
    /// 0.0000 and then "error: runs ... have no evaluated user in common" (exit 1), recording nothing: the holdout had
    /// nothing to hold out.
    /// </summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("sweep")]
    public async Task EvaluateAndSweep_EveryUserHasOneTrack_StopsSayingThereIsNothingToScore(string command)
    {
        var lines = new List<string> { "user,item,value" };
        for (var u = 0; u < 40; u++) lines.Add($"u{u},t{u % 7},{1 + (u % 5)}");
        var dataset = await ImportAsync("one-each", lines, "user=user", "item=item", "value=value");
        string[] args = command == "evaluate"
            ? ["evaluate", dataset, "--models", "popularity,item-knn", "--store", Path.Combine(Dir, "runs.db")]
            : ["sweep", dataset, "--model", "item-knn", "--grid", "neighbours=5,10", "--store", Path.Combine(Dir, "runs.db")];

        var (code, _, error) = await ConsoleCapture.RunAsync(args);

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("nothing to score: 0 relevant held-out pairs", error, StringComparison.Ordinal);
        Assert.Contains("at most 1 per user", error, StringComparison.Ordinal);
        Assert.DoesNotContain("popularity: fit", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore import table ratings.csv --set user=userId --set item=movieId --set value=rating ...</c> then
    /// <c>encore evaluate</c>: MovieLens stars were evaluated as play counts ("relevant = score >= 1") without a word.
    /// </summary>
    [Fact]
    public async Task Evaluate_MovieLensRatingsImportedAsPlays_NotesTheyLookLikeRatings()
    {
        var lines = new List<string> { "userId,movieId,rating,timestamp" };
        for (var u = 0; u < 12; u++)
            for (var i = 0; i < 8; i++)
                if ((u + i) % 3 != 0) lines.Add($"{u},{(i + u) % 8},{(0.5 + ((u + 2 * i) % 10) * 0.5).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)},{1_400_000_000 + u * 100 + i}");
        var dataset = await ImportAsync("ratings", lines, "user=userId", "item=movieId", "value=rating", "time=timestamp", "time-unit=s");

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("look like star ratings read as play counts", error, StringComparison.Ordinal);
    }
}
