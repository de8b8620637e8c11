using Encore.Evaluation.Runs;

namespace Encore.Cli.Tests;

/// <summary>evaluate, runs and sweep end to end on the Tiny synthetic world, with a store in a temp folder.</summary>
[Collection("console")]
public sealed class EvaluationCommandsTests() : TempFolderTest("encore-eval-cli-")
{
    private string Store => Path.Combine(Dir, "runs.db");

    private string World => Path.Combine(Dir, "world");

    private async Task<string> Output(params string[] args)
    {
        var previous = Console.Out;
        // Not disposed: Spectre's AnsiConsole keeps the Console.Out it first saw, and later tests must not hit a closed writer.
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(args));
        }
        finally
        {
            Console.SetOut(previous);
        }
        return writer.ToString();
    }

    private async Task MakeWorld() => Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", World, "--preset", "tiny", "--seed", "7"]));

    [Fact]
    public async Task Evaluate_ThreeModelsWithGroups_RecordsEveryRunAndPrintsTheComparison()
    {
        await MakeWorld();

        var text = await Output("evaluate", World, "--models", "popularity,item-knn,als", "--set", "als.iterations=3", "--groups", "--store", Store, "--markdown");

        var store = new SqliteRunStore(Store);
        var runs = store.List();
        Assert.Equal(3 + 7 + 7, runs.Count); // six strategies (expected-plays included) and the basic model, at 10 and 100 groups
        Assert.Equal(["popularity", "item-knn", "als"], runs.Where(r => r.Kind == "evaluate").Select(r => r.Model));
        Assert.Equal("3", runs.Single(r => r.Model == "als").Parameters["iterations"]);
        Assert.All(runs, r => Assert.Contains(r.Id, text, StringComparison.Ordinal));
        Assert.Contains("| model | fit s | eval s | NDCG@5 [95% CI]", text, StringComparison.Ordinal);
        Assert.Contains("paired comparison on ndcg@10", text, StringComparison.Ordinal);
        Assert.Contains("group protocol: 10 seeded groups of 5", text, StringComparison.Ordinal);
        Assert.Contains("group protocol: 100 seeded groups of 5, 95% bootstrap intervals over groups, paired test against basic-group", text, StringComparison.Ordinal);
        Assert.Contains("| P@10 - basic [95% CI] |", text, StringComparison.Ordinal);
        Assert.Contains("groups share members: the intervals and p-values above treat groups as independent and are optimistic", text, StringComparison.Ordinal);
        var first = store.GetRequired(runs[0].Id);
        Assert.Equal(first.Users.Length, first.PerUser["ndcg@10"].Length);
        Assert.True(first.Users.Length > 90);
    }

    [Fact]
    public async Task Evaluate_PerUserAndGroupRelevanceNew_WritesTheCsvAndLabelsTheRule()
    {
        await MakeWorld();
        var csv = Path.Combine(Dir, "per-user.csv");

        var text = await Output("evaluate", World, "--models", "popularity,item-knn", "--groups", "--group-counts", "10",
            "--set", "protocol.group-relevance=new", "--per-user", csv, "--store", Store, "--markdown");

        var lines = File.ReadAllLines(csv);
        Assert.Equal("model,user,ndcg@5,precision@5,recall@5,ndcg@10,precision@10,recall@10,ndcg@30,precision@30,recall@30", lines[0]);
        var runs = new SqliteRunStore(Store).List().Where(r => r.Kind == "evaluate").ToList();
        Assert.Equal(runs.Sum(r => (int)r.Means["users"]), lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Equal(11, line.Split(',').Length));
        Assert.Contains("group relevant = held-out tracks new to the member", text, StringComparison.Ordinal);
        Assert.DoesNotContain("100 seeded groups", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnknownGroupRelevance_ExitsOneNamingTheChoices()
    {
        await MakeWorld();

        var code = await EncoreCli.RunAsync(["evaluate", World, "--models", "popularity", "--groups", "--set", "protocol.group-relevance=some", "--store", Store]);

        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public async Task Runs_ListShowCompare_ReadWhatEvaluateWrote()
    {
        await MakeWorld();
        await Output("evaluate", World, "--models", "popularity,item-knn", "--store", Store);
        var runs = new SqliteRunStore(Store).List();

        var list = await Output("runs", "list", "--store", Store, "--model", "item-knn", "--markdown");
        var show = await Output("runs", "show", runs[0].Id, "--store", Store, "--markdown");
        var compare = await Output("runs", "compare", runs[0].Id, runs[1].Id, "--store", Store, "--metric", "recall@10", "--markdown");

        Assert.Contains(runs[1].Id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(runs[0].Id, list, StringComparison.Ordinal);
        Assert.Contains("| ndcg@10 |", show, StringComparison.Ordinal);
        Assert.Contains("holdout-0.2 seed 42, test, full-ranking", show, StringComparison.Ordinal);
        Assert.Contains($"paired comparison on recall@10 over {runs[0].Users.Length} common users", compare, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_InputBinary_IsRecordedAndShownBesideTheConfidence()
    {
        await MakeWorld();
        await Output("sweep", World, "--model", "item-knn", "--set", "input=binary", "--set", "data.confidence=log1p", "--grid", "neighbours=5", "--store", Store);
        await Output("sweep", World, "--model", "item-knn", "--set", "data.confidence=log1p", "--grid", "neighbours=5", "--store", Store);
        var runs = new SqliteRunStore(Store).List();

        var list = await Output("runs", "list", "--store", Store, "--markdown");

        Assert.Equal(["as-given", "binary"], runs.Select(r => r.Parameters["input"]).Order(StringComparer.Ordinal));
        Assert.Contains("| log1p, input binary |", list, StringComparison.Ordinal);
        Assert.Contains("| log1p |", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_BprOnSeveralThreads_IsMarkedNotRepeatableInListShowAndReport()
    {
        await MakeWorld();
        await Output("evaluate", World, "--models", "bpr,popularity", "--set", "bpr.threads=2", "--set", "bpr.iterations=2", "--store", Store);
        var bpr = new SqliteRunStore(Store).List().Single(r => r.Model == "bpr");
        var html = Path.Combine(Dir, "report.html");

        var list = await Output("runs", "list", "--store", Store, "--markdown");
        var show = await Output("runs", "show", bpr.Id, "--store", Store, "--markdown");
        await Output("report", bpr.Id, "--store", Store, "-o", html);

        Assert.Contains("| bpr* |", list, StringComparison.Ordinal);
        Assert.Contains("| popularity |", list, StringComparison.Ordinal);
        Assert.Contains("* not repeatable bit for bit", list, StringComparison.Ordinal);
        Assert.Contains("repeatable=no: 2 threads", show, StringComparison.Ordinal);
        Assert.Contains("repeatable=no: 2 threads", File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RunsFromTheStore_WritesTheirPage()
    {
        await MakeWorld();
        await Output("sweep", World, "--model", "item-knn", "--grid", "neighbours=5,50", "--store", Store);
        var runs = new SqliteRunStore(Store).List();
        var html = Path.Combine(Dir, "report.html");

        await Output("report", runs[0].Id, runs[1].Id, "--store", Store, "-o", html);

        var page = await File.ReadAllTextAsync(html);
        Assert.Contains($"<code>{runs[1].Id}</code>", page, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["report", "no-such-run", "--store", Store, "-o", html]));
    }

    [Fact]
    public async Task Sweep_Grid_RecordsOneRunPerSettingUnderOneSweepId()
    {
        await MakeWorld();

        var text = await Output("sweep", World, "--model", "item-knn", "--grid", "neighbours=5,50", "similarity=cosine,bm25", "--random", "3", "--store", Store);

        var runs = new SqliteRunStore(Store).List();
        Assert.Equal(3, runs.Count);
        Assert.Single(runs.Select(r => r.SweepId).Distinct());
        Assert.All(runs, r => Assert.Contains("validation carved from train", r.Protocol, StringComparison.Ordinal));
        Assert.Contains("best ndcg@10 = ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BadInput_GivesUsageErrorsAndWritesNothing()
    {
        await MakeWorld();
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["evaluate", World, "--models", "svd", "--store", Store]));
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["evaluate", World, "--set", "als.factor=3", "--store", Store]));
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["evaluate", World, "--protocol", "random", "--store", Store]));
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["runs", "show", "no-such-run", "--store", Store]));
        Assert.Empty(new SqliteRunStore(Store).List());
    }

    [Fact]
    public void GroupOverlap_HandWorked_StatesUsersPerGroupAndEffectiveGroups()
    {
        // 100 groups of 5 from 33 users: 500 / 33 = 15.2 groups per user, 33 / 5 = 6.6 independent groups.
        var text = Encore.Cli.Output.GroupTables.Overlap(100, 33);
        Assert.Contains("drawn from 33 users, so each user is in about 15.2 groups", text, StringComparison.Ordinal);
        Assert.Contains("about 15.2 times larger, about 6.6 independent groups", text, StringComparison.Ordinal);
        // 10 groups from 50 users: each user in one group at most on average; no warning.
        Assert.DoesNotContain("optimistic", Encore.Cli.Output.GroupTables.Overlap(10, 50), StringComparison.Ordinal);
    }
}
