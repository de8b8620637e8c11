using Encore.Cli.Commands;
using Encore.Data.Snapshots;

namespace Encore.Cli.Tests;

/// <summary>End-to-end runs of the <c>encore</c> command tree in-process on generated and hand-written data.</summary>
[Collection("console")]
public sealed class CliEndToEndTests() : TempFolderTest("encore-cli-")
{
    [Fact]
    public async Task Synth_ThenStats_WritesAReadableSnapshot()
    {
        var world = Path.Combine(Dir, "world");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["synth", "-o", world, "--preset", "tiny", "--seed", "7"]));
        Assert.True(DatasetSnapshot.Read(world).Events.Count > 0);
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["stats", world]));
    }

    [Fact]
    public async Task BenchModels_TinySplitFolder_WritesResultsWithQuality()
    {
        var split = Path.Combine(Dir, "split");
        Directory.CreateDirectory(split);
        var train = new System.Text.StringBuilder("user\titem\tvalue\n");
        var test = new System.Text.StringBuilder("user\titem\tvalue\n");
        for (var u = 0; u < 20; u++)
        {
            for (var i = 0; i < 6; i++) train.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{u}\ti{(u + i) % 15}\t{1 + i}\n");
            test.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{u}\ti{(u + 7) % 15}\t1\n");
        }
        await File.WriteAllTextAsync(Path.Combine(split, "train.tsv"), train.ToString());
        await File.WriteAllTextAsync(Path.Combine(split, "test.tsv"), test.ToString());
        var output = Path.Combine(Dir, "bench.md");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["bench", "models", "--shape", split, "--factors", "8", "--iterations", "2", "--bpr-epochs", "2", "--threads", "1", "-o", output]));
        var text = await File.ReadAllTextAsync(output);
        Assert.Contains("| ALS s / iteration (8 f) |", text, StringComparison.Ordinal);
        Assert.Contains("## Quality (PEERS protocol, k = 10, 20 test users)", text, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["bench", "models", "--factors", "64,x", "-o", output]));
    }

    [Fact]
    public async Task ImportTable_HandWrittenCsv_ImportsEveryRow()
    {
        var csv = Path.Combine(Dir, "plays.csv");
        await File.WriteAllTextAsync(csv, "uid,song,count\nu1,s1,3\nu1,s2,1\nu2,s1,5\n");
        var output = Path.Combine(Dir, "ds");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "table", csv, "-o", output, "--set", "user=uid", "--set", "item=song", "--set", "value=count"]));
        var data = DatasetSnapshot.Read(output);
        Assert.Equal(3, data.Events.Count);
        Assert.Equal(2, data.Users.Count);
        Assert.Equal([3f, 1f, 5f], data.Events.Values);
    }

    [Fact]
    public async Task Import_BadInputInStrictMode_ExitsWithDataErrorAndKeepsOldSnapshot()
    {
        var output = Path.Combine(Dir, "ds");
        var good = Path.Combine(Dir, "good.csv");
        await File.WriteAllTextAsync(good, "user,item\na,x\nb,y\n");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "table", good, "-o", output, "--set", "user=user", "--set", "item=item"]));
        var before = DatasetSnapshot.ReadManifest(output).ContentHash;

        var bad = Path.Combine(Dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "user;item\na;x\n"); // wrong delimiter
        var code = await EncoreCli.RunAsync(["import", "table", bad, "-o", output, "--strict", "--set", "user=user", "--set", "item=item"]);
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Equal(before, DatasetSnapshot.ReadManifest(output).ContentHash);
    }

    [Fact]
    public async Task Import_MissingFileAndUnknownFormat_GiveNonZeroExitCodes()
    {
        // A missing input is a bad command line (exit 1), like any path that names nothing (docs/cli.md, exit codes).
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["import", "table", Path.Combine(Dir, "nope.csv"), "-o", Path.Combine(Dir, "ds"), "--set", "user=a", "--set", "item=b"]));
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["import", "no-such-format", "x", "-o", Path.Combine(Dir, "ds")]));
        Assert.NotEqual(ExitCodes.Ok, await EncoreCli.RunAsync(["stats", Path.Combine(Dir, "not-a-snapshot")]));
    }

    [Fact]
    public async Task Demo_TinyWorldTwice_RegistersEveryModelOnceLinkedToItsRun()
    {
        var output = Path.Combine(Dir, "demo");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["demo", "-o", output, "--preset", "tiny", "--no-serve"]));
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["demo", "-o", output, "--preset", "tiny", "--no-serve"]));

        Assert.True(File.Exists(Path.Combine(output, "world", "manifest.json")));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(output, "models"), "*.bin").Length);
        Assert.Contains("<figure", await File.ReadAllTextAsync(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        // Run twice: the same runs, not twice as many.
        var runs = new Encore.Evaluation.Runs.SqliteRunStore(Path.Combine(output, "encore.db")).List();
        // 6 model runs, S1's 10-group table (6 strategies + basic = 7 group runs) and the 100-group table (7 more), each once.
        Assert.Equal(6 + 7 + 7, runs.Count);
        using var engine = new Encore.Online.OnlineEngine(new Encore.Online.OnlineOptions { StorePath = Path.Combine(output, "encore-service.db") }, TimeProvider.System);
        var versions = engine.Registry.List();
        Assert.Equal(6, versions.Count);
        Assert.All(versions, v => Assert.True(v.IsActive && v.Version == 1));
        Assert.All(versions, v => Assert.Equal(v.Name, runs.Single(r => r.Id == v.EvaluationRunId).Model));
    }

    /// <summary>With 5080 held by another server, <c>encore demo</c> ran its whole pipeline and then ended in
    /// "unexpected error (OptionsValidationException)", exit 4; it now says so before any work, exit 1.</summary>
    [Fact]
    public async Task Demo_ListenAddressInUse_ExitsUsageBeforeGeneratingAnything()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var output = Path.Combine(Dir, "demo-port");

        var (code, _, error) = await ConsoleCapture.RunAsync("demo", "-o", output, "--preset", "tiny", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("already in use", error, StringComparison.Ordinal);
        Assert.Contains("--no-serve", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "world")), "nothing is generated when the demo could not serve");
    }

    [Fact]
    public async Task Demo_Served_AnswersSimilarExplanationAndAcceptsTheCurlFeedback()
    {
        var output = Path.Combine(Dir, "demo-served");
        var demo = new DemoContext(output, "tiny", 42, "http://127.0.0.1:0");
        Assert.Equal(ExitCodes.Ok, DemoCommand.Run(demo, CancellationToken.None));
        Assert.Contains(demo.DefaultModel, new[] { "item-knn", "als" });
        var key = DemoFolder.WriteKey(output);
        Assert.Equal(key, DemoFolder.WriteKey(output));
        var curl = DemoModels.CurlLine("http://x", key, demo.World);
        Assert.Contains($"X-Api-Key: {key}", curl, StringComparison.Ordinal);

        await using var app = Encore.Server.EncoreServer.Build(DemoCommand.ServerArguments(demo, key, "http://127.0.0.1:0"),
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(Encore.Server.EncoreServer.Addresses(app)[0]) };
        var user = demo.World.Users[0];
        var recommended = await client.GetStringAsync(new Uri($"/api/users/{user}/recommendations?k=3", UriKind.Relative));
        var track = System.Text.Json.JsonDocument.Parse(recommended).RootElement.GetProperty("items")[0].GetProperty("track").GetString();
        using (var similar = await client.GetAsync(new Uri($"/api/tracks/{track}/similar?k=3", UriKind.Relative))) Assert.Equal(System.Net.HttpStatusCode.OK, similar.StatusCode);
        using (var explanation = await client.GetAsync(new Uri($"/api/users/{user}/recommendations/{track}/explanation", UriKind.Relative))) Assert.Equal(System.Net.HttpStatusCode.OK, explanation.StatusCode);
        // The body of the printed curl line, with its key.
        var body = curl[(curl.IndexOf("-d '", StringComparison.Ordinal) + 4)..^1];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        post.Headers.Add("X-Api-Key", key);
        using var posted = await client.SendAsync(post);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var runs = await client.GetStringAsync(new Uri("/api/runs", UriKind.Relative));
        Assert.Contains("\"available\":true", runs, StringComparison.Ordinal);
        await app.StopAsync();
    }
}
