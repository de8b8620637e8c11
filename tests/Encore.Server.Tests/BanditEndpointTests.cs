using System.Net;
using System.Text.Json;
using Encore.Data.Snapshots;
using Encore.Data.Synthetic;

namespace Encore.Server.Tests;

/// <summary>
/// POST /api/users/{id}/next against the real server and SQLite file: the funnel's answer, the feedback loop
/// (a like on the served track lowers that track's uncertainty), the key and id rules, the missing-vectors
/// conflict, and restart survival of a separate server process killed hard.
/// </summary>
public sealed class BanditEndpointTests
{
    /// <summary>The Tiny world written once as a snapshot folder, for servers with Dataset:Base.</summary>
    internal static readonly Lazy<string> Snapshot = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "encore-bandit-base-" + Guid.NewGuid().ToString("N"));
        DatasetSnapshot.Write(SyntheticWorld.Generate(SyntheticWorldOptions.Tiny).Dataset, folder);
        return folder;
    });

    private static Task<TestServer> Start(Dictionary<string, string?>? settings = null) =>
        TestServer.StartAsync(settings ?? new Dictionary<string, string?> { ["Dataset:Base"] = Snapshot.Value });

    private static HttpRequestMessage Next(string user, object? body = null, string? key = TestServer.WriteKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{Uri.EscapeDataString(user)}/next") { Content = body is null ? null : Json.Body(body) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private static HttpRequestMessage Feedback(string user, string track, string kind, string? id = null) =>
        new(HttpMethod.Post, "/api/events")
        {
            Content = Json.Body(new { eventId = id, user, track, kind }),
            Headers = { { "X-Api-Key", TestServer.WriteKey } },
        };

    [Fact]
    public async Task Next_ThenLike_StateUpdatedAndTheTracksUncertaintyDrops()
    {
        await using var server = await Start();
        var user = ModelFiles.User(0);
        var response = await server.Client.SendAsync(Next(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = await Json.Read(response);
        var track = first.GetProperty("track").GetString()!;
        Assert.Equal(("model", "linucb(alpha=1)", user), (first.GetProperty("path").GetString(), first.GetProperty("policy").GetString(), first.GetProperty("user").GetString()));
        Assert.True(first.GetProperty("poolSize").GetInt32() > 1);
        Assert.True(first.GetProperty("uncertainty").GetSingle() > 0);
        Assert.Equal(0, first.GetProperty("value").GetSingle());

        var ingest = await Json.Read(await server.Client.SendAsync(Feedback(user, track, "like")));
        Assert.Equal(1, ingest.GetProperty("banditUpdates").GetInt32());

        var again = await Json.Read(await server.Client.SendAsync(Next(user, new { candidates = new[] { track } })));
        Assert.Equal(track, again.GetProperty("track").GetString());
        Assert.Equal(("request", 1L), (again.GetProperty("path").GetString(), again.GetProperty("round").GetInt64()));
        Assert.True(again.GetProperty("uncertainty").GetSingle() < first.GetProperty("uncertainty").GetSingle());
        Assert.True(again.GetProperty("value").GetSingle() > 0);

        var state = await Json.Read(await server.Client.GetAsync($"/api/users/{Uri.EscapeDataString(user)}/bandit"));
        Assert.Equal((1L, 1.0, 2), (state.GetProperty("rounds").GetInt64(), state.GetProperty("cumulativeReward").GetDouble(), state.GetProperty("served").GetInt32()));
        Assert.Equal("like", state.GetProperty("last")[0].GetProperty("feedback").GetString());
        var users = await Json.Read(await server.Client.GetAsync("/api/bandit/users"));
        Assert.Equal(user, users[0].GetProperty("user").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheBanditEndpoints()
    {
        await using var server = await Start();
        var paths = (await Json.Read(await server.Client.GetAsync("/openapi/v1.json"))).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/users/{id}/next").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/users/{id}/bandit").TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/bandit/users", out _));
    }

    [Fact]
    public async Task Next_NoKeyOrWrongKey_Is401AndNothingIsServed()
    {
        await using var server = await Start();
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Next("keyless", key: null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Next("keyless", key: "wrong-key-0123456789"))).StatusCode);
        var state = await Json.Read(await server.Client.GetAsync("/api/users/keyless/bandit"));
        Assert.Equal(0, state.GetProperty("served").GetInt32());
    }

    [Fact]
    public async Task Next_EncodedUserIdAndUnknownUser_DecodedOnceAndColdStartSaysSo()
    {
        await using var server = await Start();
        var body = await Json.Read(await server.Client.SendAsync(Next("new/listener %2F")));
        Assert.Equal(("new/listener %2F", "popularity"), (body.GetProperty("user").GetString(), body.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Next_NoBaseDataset_Is409NamingWhatIsMissing()
    {
        await using var server = await Start(new Dictionary<string, string?>());
        var response = await server.Client.SendAsync(Next(ModelFiles.User(0)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("dataset.base", (await Json.Read(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_BadBody_Is400NamingTheField()
    {
        await using var server = await Start();
        var response = await server.Client.SendAsync(Next("u", new { poolSize = 0 }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("poolSize", (await Json.Read(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_ServerKilledAndStartedOnTheSameStore_StateIdentical()
    {
        var folder = Path.Combine(Path.GetTempPath(), "encore-bandit-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = Path.Combine(folder, "encore.db");
        var environment = new Dictionary<string, string> { ["ENCORE_DATASET__BASE"] = Snapshot.Value };
        var user = ModelFiles.User(3);
        var probe = new { candidates = Enumerable.Range(0, 40).Select(ModelFiles.Track).ToArray() };
        try
        {
            string before;
            JsonElement probeBefore;
            using (var server = await ServerProcess.StartAsync(store, ModelFiles.Als, environment))
            using (var client = new HttpClient { BaseAddress = server.Address })
            {
                for (var round = 0; round < 6; round++)
                {
                    var next = await Json.Read(await client.SendAsync(Next(user, probe)));
                    var rewarded = await Json.Read(await client.SendAsync(Feedback(user, next.GetProperty("track").GetString()!, round % 3 == 0 ? "skip" : "like")));
                    Assert.Equal(1, rewarded.GetProperty("banditUpdates").GetInt32());
                }
                probeBefore = await Json.Read(await client.SendAsync(Next(user, probe)));
                before = await client.GetStringAsync($"/api/users/{user}/bandit");
                server.Kill();
            }
            using (var server = await ServerProcess.StartAsync(store, ModelFiles.Als, environment))
            using (var client = new HttpClient { BaseAddress = server.Address })
            {
                var after = await client.GetStringAsync($"/api/users/{user}/bandit");
                Assert.Equal(before, after);
                var state = JsonDocument.Parse(after).RootElement;
                Assert.Equal((6L, 4.0), (state.GetProperty("rounds").GetInt64(), state.GetProperty("cumulativeReward").GetDouble()));
                var probeAfter = await Json.Read(await client.SendAsync(Next(user, probe)));
                foreach (var field in new[] { "track", "value", "uncertainty", "round" })
                    Assert.Equal(probeBefore.GetProperty(field).ToString(), probeAfter.GetProperty(field).ToString());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
