using System.Net;
using System.Text.Json;

namespace Encore.Server.Tests.Dashboard;

public sealed class DashboardEndpointTests(DashboardServerFixture fixture) : IClassFixture<DashboardServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Overview_IngestedEvents_ExactCountsPerKindDayAndTrack()
    {
        var sources = await fixture.Get<JsonElement>("/api/dashboard/overview");

        Assert.Equal(2, sources.GetArrayLength());
        var store = sources[0];
        Assert.Equal("store", store.GetProperty("source").GetString());
        var counts = store.GetProperty("counts");
        Assert.Equal(400, counts.GetProperty("events").GetInt64());
        Assert.Equal(7, counts.GetProperty("users").GetInt64());
        Assert.Equal(13, counts.GetProperty("tracks").GetInt64());
        Assert.Equal(DashboardServerFixture.FirstEventMs, counts.GetProperty("firstEventMs").GetInt64());
        // i % 3: 134 plays (0, 3, ..., 399), 133 likes, 133 skips.
        Assert.Equal(["play:134", "like:133", "skip:133"],
            store.GetProperty("eventsPerKind").EnumerateArray().Select(k => $"{k.GetProperty("kind").GetString()}:{k.GetProperty("events").GetInt64()}"));
        Assert.Equal(["2024-03-01:100", "2024-03-02:100", "2024-03-03:100", "2024-03-04:100"],
            store.GetProperty("eventsPerDay").EnumerateArray().Select(d => $"{d.GetProperty("day").GetString()}:{d.GetProperty("events").GetInt64()}"));
        // Tracks 0..9 get 31 events (i % 13 < 400 % 13 = 10), tracks 10..12 get 30: all in the 16..31 bucket.
        var bucket = Assert.Single(store.GetProperty("popularity").EnumerateArray(), b => b.GetProperty("tracks").GetInt64() > 0);
        Assert.Equal(16, bucket.GetProperty("min").GetInt64());
        Assert.Equal(13, bucket.GetProperty("tracks").GetInt64());
        var top = store.GetProperty("topTracks");
        Assert.Equal(13, top.GetArrayLength());
        Assert.Equal(31, top[0].GetProperty("events").GetInt64());
        Assert.Equal(30, top[12].GetProperty("events").GetInt64());

        var baseSource = sources[1];
        Assert.Equal("base", baseSource.GetProperty("source").GetString());
        Assert.Equal(fixture.World.Events.Count, baseSource.GetProperty("counts").GetProperty("events").GetInt64());
        Assert.Equal(fixture.World.Events.Count, baseSource.GetProperty("eventsPerKind").EnumerateArray().Sum(k => k.GetProperty("events").GetInt64()));
        Assert.Equal(fixture.World.Events.Count, baseSource.GetProperty("eventsPerDay").EnumerateArray().Sum(d => d.GetProperty("events").GetInt64()));
    }

    [Fact]
    public async Task History_UserWithStoredAndBaseEvents_MergesBothSources()
    {
        var user = ModelFiles.User(0);
        var history = await fixture.Get<JsonElement>($"/api/dashboard/users/{user}/history?limit=500");

        var baseEvents = fixture.World.Events.Users.Count(u => fixture.World.Users[u] == user);
        // User 0 gets events i = 0, 7, 14, ... < 400: 58 of them.
        Assert.Equal(baseEvents + 58, history.GetProperty("events").GetInt64());
        var tracks = history.GetProperty("tracks").EnumerateArray().ToList();
        Assert.Equal(history.GetProperty("distinctTracks").GetInt32(), tracks.Count);
        Assert.Equal(history.GetProperty("events").GetInt64(), tracks.Sum(t => t.GetProperty("events").GetInt64()));
        Assert.Contains(tracks, t => t.GetProperty("source").GetString() == "store" || t.GetProperty("source").GetString() == "both");
    }

    [Fact]
    public async Task Tracks_KnownAndUnknownIds_LabelsFromBaseDataset()
    {
        var track = fixture.World.Tracks[0];
        var labels = await fixture.Get<JsonElement>($"/api/dashboard/tracks?ids={track},nope");

        Assert.Equal(2, labels.GetArrayLength());
        Assert.Equal(fixture.World.TrackInfo.Titles[0], labels[0].GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, labels[1].GetProperty("title").ValueKind);
    }

    [Fact]
    public async Task Models_NoKey_ListsActiveVersionsWithCapabilities()
    {
        var models = await fixture.Get<JsonElement>("/api/dashboard/models");

        var byName = models.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["knn", "main"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("als.bin", byName["main"].GetProperty("file").GetString());
        Assert.True(byName["main"].GetProperty("isActive").GetBoolean());
        Assert.True(byName["main"].GetProperty("canExplain").GetBoolean());
        Assert.True(byName["knn"].GetProperty("canFindSimilar").GetBoolean());
    }

    [Fact]
    public async Task History_LimitOutOfRange_Returns400()
    {
        using var response = await Client.GetAsync(new Uri($"/api/dashboard/users/{ModelFiles.User(0)}/history?limit=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // `/api/dashboard/live?window=0` answered a 1-second window as if it were the one asked for (s13-user2).
    [Theory]
    [InlineData("window=0", "window")]
    [InlineData("window=600", "window")]
    [InlineData("window=60&step=0", "step")]
    [InlineData("window=60&step=61", "step")]
    public async Task Live_WindowOrStepOutOfRange_Returns400NamingIt(string query, string field)
    {
        using var response = await Client.GetAsync(new Uri($"/api/dashboard/live?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Live_DefaultWindow_AnswersSixtyStepsOfFiveSeconds()
    {
        var live = await fixture.Get<JsonElement>("/api/dashboard/live");

        Assert.Equal(5, live.GetProperty("stepSeconds").GetInt32());
        Assert.Equal(60, live.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task Pages_ServedFromTheAssembly_WithModuleContentTypes()
    {
        using var index = await Client.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        using var script = await Client.GetAsync(new Uri("/dashboard/js/charts.js", UriKind.Relative));
        using var vendor = await Client.GetAsync(new Uri("/dashboard/vendor/chart.js/chart.umd.min.js", UriKind.Relative));
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Client.BaseAddress };
        using var redirect = await noRedirects.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Encore dashboard", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Chart.js v4", await vendor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.EndsWith("/dashboard/", redirect.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
