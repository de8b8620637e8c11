using System.Net;
using System.Text.Json;

namespace Encore.Server.Tests.Dashboard;

public sealed class RunEndpointTests(RunsServerFixture fixture) : IClassFixture<RunsServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task List_AllRuns_OldestFirstWithMetricsAndIntervals()
    {
        var list = await fixture.Get<JsonElement>("/api/runs");

        Assert.True(list.GetProperty("available").GetBoolean());
        Assert.Equal("encore-runs.db", list.GetProperty("store").GetString());
        var runs = list.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["r-als", "r-knn", "r-pop", "r-als-peers"], runs.Select(r => r.GetProperty("id").GetString()));
        var als = runs[0];
        Assert.Equal("als", als.GetProperty("model").GetString());
        Assert.Equal("tiny", als.GetProperty("dataset").GetString());
        Assert.Equal("user-holdout-0.2 full-ranking", als.GetProperty("protocol").GetString());
        Assert.Equal("evaluate", als.GetProperty("kind").GetString());
        Assert.Equal(42UL, als.GetProperty("seed").GetUInt64());
        Assert.Equal(1.5, als.GetProperty("fitSeconds").GetDouble());
        Assert.Equal(0.25, als.GetProperty("evaluateSeconds").GetDouble());
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 10, 0, 0, TimeSpan.Zero), als.GetProperty("started").GetDateTimeOffset());
        // Metrics by name, then cut-off: coverage@10, ndcg@5, ndcg@10, recall@10.
        var metrics = als.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(["coverage@10", "ndcg@5", "ndcg@10", "recall@10"], metrics.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(0.31, metrics[2].GetProperty("mean").GetDouble());
        Assert.Equal(0.28, metrics[2].GetProperty("low").GetDouble());
        Assert.Equal(0.34, metrics[2].GetProperty("high").GetDouble());
        Assert.Equal(JsonValueKind.Null, metrics[3].GetProperty("low").ValueKind);
        Assert.False(als.TryGetProperty("perUser", out _));
    }

    [Fact]
    public async Task List_ModelAndLast_Filters()
    {
        var als = await fixture.Get<JsonElement>("/api/runs?model=als");
        Assert.Equal(["r-als", "r-als-peers"], als.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var last = await fixture.Get<JsonElement>("/api/runs?last=2");
        Assert.Equal(["r-pop", "r-als-peers"], last.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        using var bad = await Client.GetAsync("/api/runs?last=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("last", (await Json.Read(bad)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Get_KnownRun_DetailWithoutPerUserValues()
    {
        var detail = await fixture.Get<JsonElement>("/api/runs/r-als");

        Assert.Equal("r-als", detail.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal(4, detail.GetProperty("run").GetProperty("metrics").GetArrayLength());
        Assert.Equal("8", detail.GetProperty("parameters").GetProperty("factors").GetString());
        Assert.Equal("hash-tiny", detail.GetProperty("datasetHash").GetString());
        Assert.Equal("test", detail.GetProperty("codeVersion").GetString());
        Assert.Equal(3, detail.GetProperty("evaluatedUsers").GetInt32());
        Assert.Equal(["loss"], detail.GetProperty("curveSeries").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain("perUser", detail.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_UnknownRun_404Problem()
    {
        using var response = await Client.GetAsync("/api/runs/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'nope'", (await Json.Read(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_TwoRuns_HtmlWithFiguresOfBoth()
    {
        using var response = await Client.GetAsync("/api/runs/report?ids=r-als,r-knn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<figure", html, StringComparison.Ordinal);
        Assert.Contains("r-als", html, StringComparison.Ordinal);
        Assert.Contains("r-knn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("r-pop", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownId_404NamingIt()
    {
        using var response = await Client.GetAsync("/api/runs/report?ids=r-als,missing-1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Json.Read(response);
        Assert.Equal("ids", problem.GetProperty("field").GetString());
        Assert.Contains("'missing-1'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MoreThan50Ids_400()
    {
        var ids = string.Join(',', Enumerable.Range(0, 51).Select(i => "r" + i));
        using var response = await Client.GetAsync("/api/runs/report?ids=" + ids);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("51", (await Json.Read(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_NoIds_400()
    {
        using var response = await Client.GetAsync("/api/runs/report");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
