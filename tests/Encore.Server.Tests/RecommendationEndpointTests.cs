using System.Net;
using System.Text.Json;
using Encore.Models.Group;

namespace Encore.Server.Tests;

public sealed class RecommendationEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task GetRecommendations_KnownUser_ReturnsModelPath()
    {
        var response = await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?k=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.Read(response);
        Assert.Equal("model", body.GetProperty("path").GetString());
        Assert.Equal("main", body.GetProperty("model").GetString());
        Assert.Equal(5, Json.Tracks(body).Length);
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task GetRecommendations_ExcludeList_LeavesThoseTracksOut()
    {
        var first = Json.Tracks(await Json.Read(await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?k=3")));

        var second = Json.Tracks(await Json.Read(await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?k=3&exclude={first[0]},{first[1]}")));

        Assert.DoesNotContain(first[0], second);
        Assert.DoesNotContain(first[1], second);
    }

    [Fact]
    public async Task GetRecommendations_UnknownUser_IsColdStartNot404()
    {
        var response = await Client.GetAsync("/api/users/someone-new/recommendations?k=4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("popularity", (await Json.Read(response)).GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("0", "between 1 and 1000")]
    [InlineData("1000000000", "between 1 and 1000")]
    [InlineData("abc", "k")]
    [InlineData("99999999999", "k")]
    public async Task GetRecommendations_BadK_Is400WithMessage(string k, string expected)
    {
        var response = await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?k={k}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (await Json.Read(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k=abc", "k", "'k' must be an integer; got 'abc'.")]
    [InlineData("excludeSeen=maybe", "excludeSeen", "'excludeSeen' must be true or false; got 'maybe'.")]
    public async Task GetRecommendations_QueryValueOfWrongKind_NamesTheParameterNotItsCSharpType(string query, string field, string detail)
    {
        var response = await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.Read(response);
        Assert.Equal(detail, body.GetProperty("detail").GetString());
        Assert.Equal(field, body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostRecommendations_UnclosedJson_SaysTheBodyIsNotJsonWithoutCSharpNames()
    {
        var response = await Client.PostAsync("/api/users/recommendations", Json.Raw("{\"user\": \"u\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await Json.Read(response)).GetProperty("detail").GetString()!;
        Assert.StartsWith("The request body is not valid JSON.", detail, StringComparison.Ordinal);
        Assert.Contains("BytePositionInLine", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonElement", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRecommendations_UnknownModel_Is404()
    {
        var response = await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?model=nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostRecommendations_UnknownUserWithHistory_FoldsIn()
    {
        var request = new { user = "guest-1", k = 6, history = new[] { new { track = ModelFiles.Track(1), value = 2 }, new { track = ModelFiles.Track(2), value = 1 } } };

        var response = await Client.PostAsync("/api/users/recommendations", Json.Body(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.Read(response);
        Assert.Equal("fold-in", body.GetProperty("path").GetString());
        Assert.Equal(6, Json.Tracks(body).Length);
    }

    [Theory]
    [InlineData("{\"user\": \"u\", \"k\": ")]
    [InlineData("{\"user\": \"u\", \"k\": \"many\"}")]
    [InlineData("not json")]
    [InlineData("null")]
    public async Task PostRecommendations_MalformedJson_Is400(string json)
    {
        var response = await Client.PostAsync("/api/users/recommendations", Json.Raw(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.Read(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }

    // Each body once answered with .NET words ("converted to Encore.Online.Serving.UserRecommendationRequest",
    // "Implicit body inferred for parameter ... Did you mean to use a Service instead?") or without the field at fault.
    [Theory]
    [InlineData("/api/users/recommendations", "[1, 2]", "", "could not be converted to an object")]
    [InlineData("/api/users/recommendations", "null", "", "The request body is empty (or JSON null); expected a JSON object")]
    [InlineData("/api/users/recommendations", "", "", "The request body is empty (or JSON null); expected a JSON object")]
    [InlineData("/api/users/recommendations", "{\"user\": 5}", "user", "could not be converted to a string")]
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"history\": [{\"track\": \"t\", \"value\": \"a\"}]}", "history[0].value", "could not be converted to a number")]
    [InlineData("/api/users/u/scores", "{\"tracks\": \"t1\"}", "tracks", "could not be converted to an array")]
    [InlineData("/api/groups/recommendations", "{\"members\": [\"u1\"]}", "members[0]", "could not be converted to an object")]
    [InlineData("/api/events", "[{\"eventId\": \"x\", \"user\": \"u\", \"track\": \"t\", \"kind\": \"play\", \"timestamp\": \"yesterday\"}]", "events[0].timestamp", "could not be converted to an integer")]
    [InlineData("/api/events", "{\"events\": [{\"kind\": 5}]}", "events[0].kind", "could not be converted to a string")]
    [InlineData("/api/events", "{\"user\": \"u\", \"track\": \"t\", \"kind\": \"play\", \"timestamp\": \"yesterday\"}", "timestamp", "could not be converted to an integer")]
    // A number written as a string ("k": "3") was read as the number (ASP.NET's web defaults); every body is now strict.
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"k\": \"3\"}", "k", "could not be converted to an integer")]
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"history\": [{\"track\": \"t\", \"value\": \"2.5\"}]}", "history[0].value", "could not be converted to a number")]
    [InlineData("/api/groups/recommendations", "{\"members\": [{\"user\": \"u\"}], \"k\": \"3\"}", "k", "could not be converted to an integer")]
    [InlineData("/api/playlists/continuation", "{\"seeds\": [\"t\"], \"k\": \"3\"}", "k", "could not be converted to an integer")]
    [InlineData("/api/users/u/next", "{\"poolSize\": \"5\"}", "poolSize", "could not be converted to an integer")]
    [InlineData("/api/events", "{\"user\": \"u\", \"track\": \"t\", \"kind\": \"play\", \"timestamp\": \"1700000000\"}", "timestamp", "could not be converted to an integer")]
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"excludeSeen\": \"false\"}", "excludeSeen", "could not be converted to true or false")]
    public async Task PostBody_WrongJsonKind_Is400NamingFieldInJsonTerms(string path, string json, string field, string expected)
    {
        using var request = fixture.Server.Request(HttpMethod.Post, path, TestServer.WriteKey, Json.Raw(json));
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.Read(response);
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Encore.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Service", detail, StringComparison.Ordinal);
        Assert.Equal(field, body.TryGetProperty("field", out var f) ? f.GetString() : "");
    }

    // A well-formed body with a value of the wrong kind was answered "The request body is not valid JSON." (endpoints bound
    // by ASP.NET) or titled "Malformed JSON" (events, users, tracks), so a client looked for a syntax error that was not there.
    [Theory]
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"k\": \"3\"}", "k", "an integer")]
    [InlineData("/api/groups/recommendations", "{\"members\": [{\"user\": \"u\"}], \"strategy\": 2}", "strategy", "a string")]
    [InlineData("/api/events", "{\"user\": \"u\", \"track\": \"t\", \"kind\": \"play\", \"timestamp\": \"1700000000\"}", "timestamp", "an integer")]
    [InlineData("/api/events", "[1, 2]", "events[0]", "an object")]
    [InlineData("/api/users", "[{\"id\": \"u1\", \"attributes\": {\"premium\": true}}]", "users[0].attributes.premium", "a string")]
    public async Task PostBody_WrongJsonKind_SaysTheBodyIsValidJsonAndWhatTheFieldTakes(string path, string json, string field, string kind)
    {
        using var request = fixture.Server.Request(HttpMethod.Post, path, TestServer.WriteKey, Json.Raw(json));
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.Read(response);
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Equal("Invalid request", body.GetProperty("title").GetString());
        Assert.DoesNotContain("not valid JSON", detail, StringComparison.Ordinal);
        Assert.StartsWith($"{field}: the JSON value could not be converted to {kind} (line 1, byte ", detail, StringComparison.Ordinal);
        Assert.Contains($"this field takes {kind}", detail, StringComparison.Ordinal);
        Assert.Equal(field, body.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"k\": ")]
    [InlineData("/api/events", "[{\"user\": ")]
    public async Task PostBody_SyntaxError_StillSaysNotValidJson(string path, string json)
    {
        using var request = fixture.Server.Request(HttpMethod.Post, path, TestServer.WriteKey, Json.Raw(json));
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.Read(response);
        Assert.NotEqual("Invalid request", body.GetProperty("title").GetString());
        Assert.Contains("BytePositionInLine", body.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    // A JSON null in a list of track ids was dropped silently ("allow": [null, ...] answered an empty list, path "model").
    [Theory]
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"exclude\": [null]}", "exclude[0]")]
    [InlineData("/api/users/recommendations", "{\"user\": \"u\", \"allow\": [\"t\", null]}", "allow[1]")]
    [InlineData("/api/playlists/continuation", "{\"seeds\": [null], \"k\": 3}", "seeds[0]")]
    [InlineData("/api/groups/recommendations", "{\"members\": [{\"user\": \"u\"}], \"exclude\": [null]}", "exclude[0]")]
    [InlineData("/api/users/u/scores", "{\"tracks\": [\"t\", null]}", "tracks[1]")]
    public async Task PostBody_NullInTrackIdList_Is400NamingTheEntry(string path, string json, string field)
    {
        var response = await Client.PostAsync(path, Json.Raw(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.Read(response);
        Assert.Equal(field, body.GetProperty("field").GetString());
        Assert.Equal("is null; expected a track id.", body.GetProperty("detail").GetString());
    }

    // The status code pages once answered with a title only: no detail, no requestId.
    [Theory]
    [InlineData("GET", "/api/nope", null, 404, "No endpoint at GET /api/nope")]
    [InlineData("DELETE", "/api/events", null, 405, "/api/events does not take DELETE")]
    [InlineData("POST", "/api/users/recommendations", "text/plain", 415, "send the header Content-Type: application/json (got 'text/plain")]
    public async Task StatusCodePage_Problem_HasDetailAndRequestId(string method, string path, string? contentType, int status, string detail)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null) request.Content = new StringContent("{\"user\": \"u\"}", System.Text.Encoding.UTF8, contentType);
        var response = await Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var body = await Json.Read(response);
        Assert.Contains(detail, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), body.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task PostRecommendations_MissingUser_Is400NamingField()
    {
        var response = await Client.PostAsync("/api/users/recommendations", Json.Body(new { k = 5 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("user", (await Json.Read(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostGroupRecommendations_Members_ReturnsSatisfaction()
    {
        var request = new { members = new object[] { new { user = ModelFiles.User(0) }, new { user = ModelFiles.User(1) }, new { user = "guest", history = new[] { new { track = ModelFiles.Track(5) } } } }, k = 5, strategy = "borda" };

        var response = await Client.PostAsync("/api/groups/recommendations", Json.Body(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.Read(response);
        Assert.Equal(5, Json.Tracks(body).Length);
        Assert.Equal(["model", "model", "fold-in"], body.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("path").GetString()));
    }

    [Theory]
    [InlineData("leastmisery", "least-misery")]
    [InlineData("most_pleasure", "most-pleasure")]
    [InlineData("dictator", null)]
    public async Task PostGroupRecommendations_UndocumentedStrategy_Is400NamingTheValidOnes(string strategy, string? suggestion)
    {
        // The user's report: "leastmisery" was accepted silently; only the documented names are, in any letter case.
        var members = new object[] { new { user = ModelFiles.User(0) }, new { user = ModelFiles.User(1) } };
        var response = await Client.PostAsync("/api/groups/recommendations", Json.Body(new { members, k = 5, strategy }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.Read(response);
        Assert.Equal("strategy", problem.GetProperty("field").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"'{strategy}' is not a group strategy; expected one of average, least-misery, most-pleasure, borda, overlap-first, expected-plays", detail, StringComparison.Ordinal);
        if (suggestion is not null) Assert.Contains($"did you mean '{suggestion}'?", detail, StringComparison.Ordinal);

        var accepted = await Client.PostAsync("/api/groups/recommendations", Json.Body(new { members, k = 5, strategy = "LEAST-MISERY" }));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("least-misery", (await Json.Read(accepted)).GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task GetGroupStrategies_ServesTheNamesTheRequestsAccept()
    {
        // The dashboard's picker read a hard-coded list that lacked expected-plays; it now reads this.
        var response = await Client.GetAsync("/api/groups/strategies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.Read(response);
        var strategies = body.GetProperty("strategies").EnumerateArray().Select(s => s.GetString()!).ToArray();
        Assert.Equal(GroupStrategyNames.Names, strategies);
        Assert.Contains("expected-plays", strategies);
        Assert.Equal(Enum.GetValues<GroupStrategy>().Length, strategies.Length);
        Assert.All(strategies, s => Assert.True(GroupStrategyNames.TryParse(s, out _)));
        Assert.Equal(GroupStrategyNames.AliasNames, body.GetProperty("aliases").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task PostPlaylistContinuation_Seeds_FoldsIn()
    {
        var response = await Client.PostAsync("/api/playlists/continuation", Json.Body(new { seeds = new[] { ModelFiles.Track(3), ModelFiles.Track(4) }, k = 5 }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fold-in", (await Json.Read(response)).GetProperty("path").GetString());
    }

    [Fact]
    public async Task GetSimilar_KnownAndUnknownTrack_200And404()
    {
        var known = await Client.GetAsync($"/api/tracks/{ModelFiles.Track(0)}/similar?k=3");
        var unknown = await Client.GetAsync("/api/tracks/no-such-track/similar");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(3, Json.Tracks(await Json.Read(known)).Length);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no-such-track", (await Json.Read(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostScores_Candidates_ScoresKnownAndNullForUnknown()
    {
        var response = await Client.PostAsync($"/api/users/{ModelFiles.User(0)}/scores", Json.Body(new { tracks = new[] { ModelFiles.Track(0), "nope" } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scores = (await Json.Read(response)).GetProperty("scores").EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Number, scores[0].GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, scores[1].GetProperty("score").ValueKind);
    }

    [Fact]
    public async Task GetExplanation_KnownUser_ListsContributions()
    {
        var top = Json.Tracks(await Json.Read(await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?k=1")))[0];

        var response = await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations/{top}/explanation?n=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await Json.Read(response)).GetProperty("because").EnumerateArray());
    }

    [Fact]
    public async Task GetExplanation_UnknownUser_Is404()
    {
        var response = await Client.GetAsync($"/api/users/ghost/recommendations/{ModelFiles.Track(0)}/explanation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_LiveAndReady_Are200()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsEndpoints()
    {
        var response = await Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await Json.Read(response)).GetProperty("paths");
        foreach (var path in new[] { "/api/users/{id}/recommendations", "/api/groups/recommendations", "/api/playlists/continuation", "/api/events", "/api/models" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task Metrics_ExposesRequestHistogramAndModelGauge()
    {
        await Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations");

        var text = await Client.GetStringAsync("/metrics");

        Assert.Contains("http_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("encore_active_model_version{model=\"main\"}", text, StringComparison.Ordinal);
        Assert.Contains("encore_events_ingested_total", text, StringComparison.Ordinal);
        // The known user's request went through the request batcher, which records every scoring call's size.
        Assert.Matches(@"encore_serving_batch_size_count [1-9]", text);
        Assert.Contains("encore_serving_batch_size_bucket{le=\"64\"}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_TenMegabyteBody_Is413(bool expectContinue)
    {
        var big = new string('x', 10 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/recommendations") { Content = Json.Raw($"{{\"user\": \"{big}\"}}") };
        request.Headers.ExpectContinue = expectContinue;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 1048576", (await Json.Read(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
