using System.Net;
using System.Text.Json;

namespace Encore.Server.Tests.Experiments;

/// <summary>
/// A/B experiments whose variants are bandit policies, over a real server: POST /api/users/{id}/next answers with
/// the user's variant's policy and records the track as the variant's list, feedback is attributed to it, and the
/// rules that keep model and policy experiments apart.
/// </summary>
public sealed class PolicyExperimentTests
{
    private static Task<TestServer> Start() =>
        TestServer.StartAsync(new Dictionary<string, string?> { ["Dataset:Base"] = BanditEndpointTests.Snapshot.Value });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(TestServer server, HttpMethod method, string path, object? body = null, string? key = TestServer.AdminKey)
    {
        using var response = await server.Client.SendAsync(server.Request(method, path, key, body is null ? null : Json.Body(body)));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static object Policies(string name, string first = "linucb:0.5", string second = "greedy") => new
    {
        name,
        variants = new object[]
        {
            new { name = "ucb", share = 0.5, policy = first },
            new { name = "plain", share = 0.5, policy = second },
        },
    };

    [Fact]
    public async Task PolicyExperiment_NextServesTheVariantsPolicy_RecordsAndAttributesTheTrack()
    {
        await using var server = await Start();
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/experiments", Policies("ucb-vs-greedy"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Post, "/api/experiments/ucb-vs-greedy/start")).Status);

        var variants = new Dictionary<string, string>();
        var events = new List<object>();
        for (var i = 0; i < 24; i++)
        {
            var user = ModelFiles.User(i);
            var (status, body) = await Send(server, HttpMethod.Post, $"/api/users/{user}/next", key: TestServer.WriteKey);
            Assert.Equal(HttpStatusCode.OK, status);
            var tag = body.GetProperty("experiment");
            var variant = tag.GetProperty("variant").GetString()!;
            Assert.Equal(variant == "ucb" ? "linucb(alpha=0.5)" : "greedy", body.GetProperty("policy").GetString());
            Assert.StartsWith("ucb-vs-greedy-", tag.GetProperty("listId").GetString(), StringComparison.Ordinal);
            variants[user] = variant;
            events.Add(new { user, track = body.GetProperty("track").GetString(), kind = "like" });
        }
        Assert.Equal(2, variants.Values.Distinct().Count());

        // A recommendation list is not part of a policy experiment; a /next that names its own policy bypasses it.
        var list = await Send(server, HttpMethod.Get, $"/api/users/{ModelFiles.User(0)}/recommendations?k=5", key: null);
        Assert.False(list.Body.TryGetProperty("experiment", out _));
        var own = await Send(server, HttpMethod.Post, $"/api/users/{ModelFiles.User(0)}/next", new { policy = "thompson:0.2" }, TestServer.WriteKey);
        Assert.Equal("thompson(v=0.2)", own.Body.GetProperty("policy").GetString());
        Assert.False(own.Body.TryGetProperty("experiment", out _));

        var ingest = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/events", TestServer.WriteKey, Json.Body(events)));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        var report = await Send(server, HttpMethod.Get, "/api/experiments/ucb-vs-greedy/report");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        foreach (var m in report.Body.GetProperty("variants").EnumerateArray())
        {
            var users = variants.Values.Count(v => v == m.GetProperty("variant").GetString());
            Assert.Equal((users, (long)users, (long)users), (m.GetProperty("users").GetInt32(), m.GetProperty("impressions").GetInt64(), m.GetProperty("likes").GetInt64()));
        }

        var promote = await Send(server, HttpMethod.Post, "/api/experiments/ucb-vs-greedy/promote", new { variant = "ucb" });
        Assert.Equal(HttpStatusCode.Conflict, promote.Status);
        Assert.Contains("[bandit] settings (policy = \"linucb\", alpha = 0.5;", promote.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Post, "/api/experiments/ucb-vs-greedy/stop")).Status);
    }

    [Fact]
    public async Task PolicyExperiment_MixedVariantsOrUnknownPolicies_AreRefusedAtCreation()
    {
        await using var server = await Start();
        var mixed = await Send(server, HttpMethod.Post, "/api/experiments", new
        {
            name = "mixed",
            variants = new object[] { new { name = "a", share = 0.5, model = "main" }, new { name = "b", share = 0.5, policy = "linucb" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.Status);
        Assert.Contains("mix models and policies", mixed.Body.GetRawText(), StringComparison.Ordinal);
        // Each refusal used to say "is not a bandit policy; expected ... one of linucb, thompson, ..." whatever was wrong
        // (also for a parameter out of range of a policy it names); the detail now says what is wrong.
        foreach (var (bad, reason) in new[]
        {
            ("ucb", "'ucb' is not a policy the service runs"),
            ("linucb:x", "linucb's parameter alpha (the exploration weight) must be a number >= 0; got 'x'"),
            ("greedy:0.1", "greedy takes no parameter"),
            ("epsilon-greedy:2", "epsilon-greedy's parameter epsilon (the exploration probability) must be a number from 0 to 1; got 2."),
        })
        {
            var refused = await Send(server, HttpMethod.Post, "/api/experiments", Policies("bad", second: bad));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains($"variant 'plain': bandit policy '{bad}': {reason}", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var badCall = await Send(server, HttpMethod.Post, $"/api/users/{ModelFiles.User(0)}/next", new { policy = "thompson:0" }, TestServer.WriteKey);
        Assert.Equal(HttpStatusCode.BadRequest, badCall.Status);
        Assert.Equal("policy", badCall.Body.GetProperty("field").GetString());
        Assert.Equal("bandit policy 'thompson:0': thompson's parameter v (the posterior scale) must be a number > 0; got 0.", badCall.Body.GetProperty("detail").GetString());
        // The offline commands' name for epsilon-greedy is served too.
        var cliName = await Send(server, HttpMethod.Post, $"/api/users/{ModelFiles.User(0)}/next", new { policy = "epsilon:0.2" }, TestServer.WriteKey);
        Assert.Equal(HttpStatusCode.OK, cliName.Status);
        Assert.Equal("epsilon-greedy(eps=0.2)", cliName.Body.GetProperty("policy").GetString());
    }
}
