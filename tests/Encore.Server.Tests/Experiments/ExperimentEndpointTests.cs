using System.Net;
using System.Text.Json;

namespace Encore.Server.Tests.Experiments;

/// <summary>/api/experiments over a real server: the admin life cycle, serving by variant, attribution and the report.</summary>
public sealed class ExperimentEndpointTests
{
    private static object Definition(string name) => new
    {
        name,
        variants = new object[]
        {
            new { name = "control", share = 0.5, model = "main" },
            new { name = "treatment", share = 0.5, model = "knn" },
        },
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(TestServer server, HttpMethod method, string path, object? body = null, string? key = TestServer.AdminKey)
    {
        using var response = await server.Client.SendAsync(server.Request(method, path, key, body is null ? null : Json.Body(body)));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Experiment_CreateStartServeFeedbackReportPromote_WorksEndToEnd()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/models", new { name = "knn", path = ModelFiles.Knn, activate = true })).Status);

        var plain = await Send(server, HttpMethod.Get, $"/api/users/{ModelFiles.User(0)}/recommendations?k=5", key: null);
        Assert.False(plain.Body.TryGetProperty("experiment", out _)); // no experiment: the answer is unchanged

        var created = await Send(server, HttpMethod.Post, "/api/experiments", Definition("als-vs-knn"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("draft", created.Body.GetProperty("state").GetString());
        var started = await Send(server, HttpMethod.Post, "/api/experiments/als-vs-knn/start");
        Assert.Equal((HttpStatusCode.OK, "running"), (started.Status, started.Body.GetProperty("state").GetString()));

        var variants = new Dictionary<string, string>();
        var events = new List<object>();
        var shown = new List<(string User, string Track)>();
        for (var i = 0; i < 30; i++)
        {
            var (status, body) = await Send(server, HttpMethod.Get, $"/api/users/{ModelFiles.User(i)}/recommendations?k=5", key: null);
            Assert.Equal(HttpStatusCode.OK, status);
            var tag = body.GetProperty("experiment");
            var variant = tag.GetProperty("variant").GetString()!;
            Assert.Equal(variant == "control" ? "main" : "knn", body.GetProperty("model").GetString());
            Assert.StartsWith("als-vs-knn-", tag.GetProperty("listId").GetString(), StringComparison.Ordinal);
            variants[ModelFiles.User(i)] = variant;
            shown.Add((ModelFiles.User(i), Json.Tracks(body)[0]));
        }
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(); // after every list was served
        foreach (var (user, track) in shown) events.Add(new { user, track, kind = "play", timestamp = now });
        Assert.Equal(2, variants.Values.Distinct().Count());
        var ingest = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/events", TestServer.WriteKey, Json.Body(events)));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);

        var report = await Send(server, HttpMethod.Get, "/api/experiments/als-vs-knn/report");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        var metrics = report.Body.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(["control", "treatment"], metrics.Select(m => m.GetProperty("variant").GetString()));
        foreach (var m in metrics)
        {
            var users = variants.Values.Count(v => v == m.GetProperty("variant").GetString());
            Assert.Equal((users, users * 5L, (long)users), (m.GetProperty("users").GetInt32(), m.GetProperty("impressions").GetInt64(), m.GetProperty("plays").GetInt64()));
            Assert.Equal(0.2, m.GetProperty("playRate").GetProperty("value").GetDouble(), 9);
            Assert.True(m.GetProperty("playRate").TryGetProperty("low95", out _));
        }
        Assert.Equal(4, report.Body.GetProperty("comparisons").GetArrayLength());

        var promoted = await Send(server, HttpMethod.Post, "/api/experiments/als-vs-knn/promote", new { variant = "treatment" });
        Assert.Equal(HttpStatusCode.OK, promoted.Status);
        Assert.Equal("promoted", promoted.Body.GetProperty("experiment").GetProperty("state").GetString());
        Assert.Equal(ModelFiles.Knn, promoted.Body.GetProperty("model").GetProperty("path").GetString());
        var after = await Send(server, HttpMethod.Get, $"/api/users/{ModelFiles.User(0)}/recommendations?k=5", key: null);
        Assert.False(after.Body.TryGetProperty("experiment", out _));
        var listed = await Send(server, HttpMethod.Get, "/api/experiments");
        Assert.Equal("treatment", listed.Body[0].GetProperty("promotedVariant").GetString());
    }

    [Fact]
    public async Task Experiments_NeedTheAdminKeyAndAnswerProblems()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/models", new { name = "knn", path = ModelFiles.Knn, activate = false })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(server, HttpMethod.Get, "/api/experiments", key: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(server, HttpMethod.Get, "/api/experiments", key: TestServer.WriteKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(server, HttpMethod.Post, "/api/experiments/nope/start")).Status);
        var bad = await Send(server, HttpMethod.Post, "/api/experiments", new { name = "x", variants = new[] { new { name = "a", share = 1.0, model = "main" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("at least two variants", bad.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/experiments", Definition("e1"))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(server, HttpMethod.Post, "/api/experiments", Definition("e1"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(server, HttpMethod.Post, "/api/experiments/e1/start")).Status); // model "knn" has no active version
        Assert.Equal(HttpStatusCode.Conflict, (await Send(server, HttpMethod.Post, "/api/experiments/e1/stop")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(server, HttpMethod.Get, "/api/experiments/e1/report?alpha=2")).Status);
    }

    [Fact]
    public async Task Experiments_CarelessBodies_Answer400NamingTheField()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/models", new { name = "knn", path = ModelFiles.Knn, activate = false })).Status);

        // A null variant was a NullReferenceException and a 500.
        var nullVariant = await Send(server, HttpMethod.Post, "/api/experiments", new { name = "n", variants = new object?[] { null, new { name = "t", share = 1.0, model = "main" } } });
        var badName = await Send(server, HttpMethod.Post, "/api/experiments", Definition("a/b"));
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/experiments", Definition("e1"))).Status);
        var noVariant = await Send(server, HttpMethod.Post, "/api/experiments/e1/promote", new { }); // was 404 "has no variant ''"

        Assert.Equal((HttpStatusCode.BadRequest, "variants"), (nullVariant.Status, nullVariant.Body.GetProperty("field").GetString()));
        Assert.Contains("variants[0] is null", nullVariant.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "name"), (badName.Status, badName.Body.GetProperty("field").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "variant"), (noVariant.Status, noVariant.Body.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Experiments_DraftNamingAnUnknownModel_Is404AndADraftCanBeCorrectedOrDeleted()
    {
        await using var server = await TestServer.StartAsync();

        // The draft naming an unregistered model was accepted, and nothing could delete or correct it.
        var typo = await Send(server, HttpMethod.Post, "/api/experiments", Definition("typo"));
        Assert.Equal((HttpStatusCode.NotFound, "variants"), (typo.Status, typo.Body.GetProperty("field").GetString()));
        Assert.Contains("no model named 'knn' is registered (registered: main;", typo.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(server, HttpMethod.Get, "/api/experiments/typo")).Status);

        var plain = new { name = "ab", variants = new object[] { new { name = "control", share = 0.5, model = "main" }, new { name = "twin", share = 0.5, model = "main" } } };
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/experiments", plain)).Status);
        var badFix = await Send(server, HttpMethod.Put, "/api/experiments/ab", Definition("ab"));
        Assert.Equal(HttpStatusCode.NotFound, badFix.Status);
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/models", new { name = "knn", path = ModelFiles.Knn, activate = true })).Status);
        var fixedUp = await Send(server, HttpMethod.Put, "/api/experiments/ab", Definition("ab"));
        Assert.Equal((HttpStatusCode.OK, "knn"), (fixedUp.Status, fixedUp.Body.GetProperty("experiment").GetProperty("variants")[1].GetProperty("model").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(server, HttpMethod.Put, "/api/experiments/ab", Definition("other"))).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(server, HttpMethod.Delete, "/api/experiments/ab")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(server, HttpMethod.Delete, "/api/experiments/ab")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/experiments", Definition("ab"))).Status); // the name is free again
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Post, "/api/experiments/ab/start")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(server, HttpMethod.Delete, "/api/experiments/ab")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(server, HttpMethod.Put, "/api/experiments/ab", Definition("ab"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(server, HttpMethod.Delete, "/api/experiments/ab", key: TestServer.WriteKey)).Status);
    }

    [Fact]
    public async Task Report_OneUserInTheControl_HasNoIntervalAndEveryComparisonIsNotEnoughData()
    {
        // The user's report: one control user against four treatment users was called significant, because the one
        // user's variance was taken as 0.
        await using var server = await TestServer.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/models", new { name = "knn", path = ModelFiles.Knn, activate = true })).Status);
        Assert.Equal(HttpStatusCode.Created, (await Send(server, HttpMethod.Post, "/api/experiments", Definition("one-user"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Post, "/api/experiments/one-user/start")).Status);
        var experiment = new Encore.Online.Experiments.AbExperiment
        {
            Name = "one-user",
            Variants = [new("control", 0.5, Model: "main"), new("treatment", 0.5, Model: "knn")],
        };
        var users = Enumerable.Range(0, 40).Select(ModelFiles.User).ToList();
        var chosen = users.Where(u => Encore.Online.Experiments.AbAssignment.Assign(experiment, u) == 0).Take(1)
            .Concat(users.Where(u => Encore.Online.Experiments.AbAssignment.Assign(experiment, u) == 1).Take(4)).ToList();
        var events = new List<object>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var (status, body) = await Send(server, HttpMethod.Get, $"/api/users/{chosen[i]}/recommendations?k=10", key: null);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(i == 0 ? "control" : "treatment", body.GetProperty("experiment").GetProperty("variant").GetString());
            // The control user plays 5 of 10; the treatment users 1 or 2 of 10 (so their variance is not 0).
            var plays = i == 0 ? 5 : 1 + i % 2;
            events.AddRange(Json.Tracks(body).Take(plays).Select(t => (object)new { user = chosen[i], track = t, kind = "play", timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() }));
        }
        Assert.Equal(HttpStatusCode.OK, (await Send(server, HttpMethod.Post, "/api/events", events, key: TestServer.WriteKey)).Status);

        var report = await Send(server, HttpMethod.Get, "/api/experiments/one-user/report");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        var control = report.Body.GetProperty("variants")[0].GetProperty("playRate");
        Assert.Equal((0.5, false, JsonValueKind.Null, JsonValueKind.Null),
            (control.GetProperty("value").GetDouble(), control.GetProperty("hasEnoughData").GetBoolean(), control.GetProperty("low95").ValueKind, control.GetProperty("high95").ValueKind));
        var treatment = report.Body.GetProperty("variants")[1].GetProperty("playRate");
        Assert.True(treatment.GetProperty("hasEnoughData").GetBoolean());
        Assert.InRange(treatment.GetProperty("low95").GetDouble(), 0, 0.15);
        foreach (var c in report.Body.GetProperty("comparisons").EnumerateArray())
        {
            var result = c.GetProperty("result");
            Assert.Equal(("not enough data", false, JsonValueKind.Null), (result.GetProperty("verdict").GetString(), result.GetProperty("significant").GetBoolean(), result.GetProperty("pValue").ValueKind));
            Assert.Contains("control has 1 unit", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }
}
