using Encore.Models.Group;
using Encore.Tests.Shared;

namespace Encore.Server.Tests.Dashboard;

/// <summary>
/// Every dashboard page in a real browser against a real server: the main interaction of each page, the
/// visible result (SVG chart paths, table rows), a full-page screenshot, and no console or page errors.
/// </summary>
public sealed class DashboardBrowserTests(DashboardServerFixture fixture) : IClassFixture<DashboardServerFixture>
{
    private Uri Server => fixture.Server.Client.BaseAddress!;

    [ChromiumFact]
    public async Task Overview_StoreAndBaseDataset_DrawsChartsAndTopTracks()
    {
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(Server, "overview");
        var page = browser.Page;

        Assert.Equal(2, await page.Locator(".source").CountAsync());
        var store = page.Locator(".source[data-source='store']");
        Assert.Contains("400", await store.Locator(".card").First.InnerTextAsync());
        // Events per kind (3 kinds), per day (4 days), popularity buckets.
        var charts = await browser.ChartsAsync(".source[data-source='store']");
        Assert.Equal(["bar", "line", "bar"], charts.Select(c => c.Type));
        Assert.Equal(new[] { 3 }, charts[0].Values);
        Assert.Equal(new[] { 4 }, charts[1].Values);
        Assert.True(charts[2].Values[0] > 0);
        Assert.Equal(10, await store.Locator("table tbody tr").CountAsync());
        Assert.True((await browser.ChartsAsync(".source[data-source='base']")).Sum(c => c.Values.Sum()) > 3);

        await browser.ScreenshotAsync("overview");
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Models_TwoActiveModels_ListsVersionsWithActiveTags()
    {
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(Server, "models");
        var page = browser.Page;

        Assert.Equal(2, await page.Locator("table tbody tr").CountAsync());
        Assert.Equal(2, await page.Locator(".tag.ok").CountAsync());
        var text = await page.Locator("#page").InnerTextAsync();
        Assert.Contains("als", text, StringComparison.Ordinal);
        Assert.Contains("item-knn", text, StringComparison.Ordinal);

        await browser.ScreenshotAsync("models");
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Users_LookUpKnownUser_ShowsHistoryTwoModelsAndExplanations()
    {
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(Server, "users");
        var page = browser.Page;

        await page.FillAsync("#user-id", ModelFiles.User(0));
        await page.SelectOptionAsync("#model-a", "main");
        await page.SelectOptionAsync("#model-b", "knn");
        await page.ClickAsync("#look-up");
        await page.WaitForSelectorAsync("#user-result .grid");

        var panels = page.Locator("#user-result .panel");
        Assert.Equal(3, await panels.CountAsync());
        Assert.True(await panels.Nth(0).Locator("tbody tr").CountAsync() > 0);
        Assert.Equal(10, await panels.Nth(1).Locator("tbody tr").CountAsync());
        Assert.Equal(10, await panels.Nth(2).Locator("tbody tr").CountAsync());
        Assert.Contains("main v", await panels.Nth(1).Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("knn v", await panels.Nth(2).Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#user-result .because").CountAsync() > 0);
        Assert.Contains("because you played", await page.Locator("#user-result .because").First.InnerTextAsync(), StringComparison.Ordinal);

        await browser.ScreenshotAsync("users");
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Groups_ThreeMembersLeastMisery_ShowsListAndMemberSatisfaction()
    {
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(Server, "groups");
        var page = browser.Page;

        await page.FillAsync("#member-id", $"{ModelFiles.User(1)}, {ModelFiles.User(2)}");
        await page.ClickAsync("#add-member");
        await page.FillAsync("#member-id", ModelFiles.User(3));
        await page.ClickAsync("#add-member");
        Assert.Equal(3, await page.Locator("#members .chip").CountAsync());
        // The picker offers what the server accepts (GET /api/groups/strategies), expected-plays included.
        Assert.Equal(GroupStrategyNames.Names, await page.Locator("#strategy option").AllInnerTextsAsync());
        await page.SelectOptionAsync("#strategy", "least-misery");
        await page.ClickAsync("#recommend-group");
        await page.WaitForSelectorAsync("#group-result .grid");

        var panels = page.Locator("#group-result .panel");
        Assert.Equal(10, await panels.Nth(0).Locator("tbody tr").CountAsync());
        Assert.Contains("least-misery", await panels.Nth(0).Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await panels.Nth(1).Locator("tbody tr").CountAsync());
        var satisfaction = (await browser.ChartsAsync("#group-result")).Single();
        Assert.Equal(new[] { 3 }, satisfaction.Values);

        await browser.ScreenshotAsync("groups");
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Playlists_PopularSeeds_ShowsContinuation()
    {
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(Server, "playlists");
        var page = browser.Page;

        await page.ClickAsync("#popular-seeds");
        await page.WaitForFunctionAsync("document.querySelector('#seeds').value.split('\\n').length === 3");
        await page.ClickAsync("#continue");
        await page.WaitForSelectorAsync("#playlist-result .grid");

        var panels = page.Locator("#playlist-result .panel");
        Assert.Equal(3, await panels.Nth(0).Locator("tbody tr").CountAsync());
        Assert.Equal(10, await panels.Nth(1).Locator("tbody tr").CountAsync());

        await browser.ScreenshotAsync("playlists");
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Live_AfterApiTraffic_DrawsLatencyAndRefreshes()
    {
        for (var i = 0; i < 5; i++)
        {
            using var response = await fixture.Server.Client.GetAsync(new Uri($"/api/users/{ModelFiles.User(i)}/recommendations?k=5", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(Server, "live");
        var page = browser.Page;

        // Ingestion, request rate, and three latency percentiles: five lines, the latency ones with values.
        var charts = await browser.ChartsAsync("#live-body");
        Assert.Equal(["line", "line", "line"], charts.Select(c => c.Type));
        Assert.Equal(3, charts[2].Values.Length);
        Assert.All(charts[2].Values, v => Assert.True(v > 0));
        var first = await page.InnerTextAsync("#live-status");
        await page.WaitForFunctionAsync($"document.querySelector('#live-status').textContent !== {System.Text.Json.JsonSerializer.Serialize(first)}");
        Assert.NotEqual("–", await page.Locator("#live-body .card .value").Nth(2).InnerTextAsync());

        await browser.ScreenshotAsync("live");
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Bandit_NextTrackThenLike_StateCurveAndChoicesUpdate()
    {
        // A server of its own: the feedback event must not change the shared fixture's event counts.
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Dataset:Base"] = BanditEndpointTests.Snapshot.Value });
        var user = "bandit-browser-" + Guid.NewGuid().ToString("N")[..6];
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(server.Client.BaseAddress!, "bandit");
        var page = browser.Page;
        await page.FillAsync("#bandit-user", user);
        await page.FillAsync("#api-key", TestServer.WriteKey);
        await page.Locator("#api-key").DispatchEventAsync("change");
        await page.ClickAsync("#bandit-show");
        await page.WaitForSelectorAsync("#bandit-body .chart-box");

        await page.ClickAsync("#bandit-next");
        await page.WaitForSelectorAsync("#bandit-like");
        Assert.Contains("uncertainty", await page.InnerTextAsync("#bandit-served"), StringComparison.Ordinal);
        await page.ClickAsync("#bandit-like");
        await page.WaitForFunctionAsync("document.querySelector('#bandit-choices')?.textContent.includes('like (1)')");
        Assert.Equal("1", await page.Locator("#bandit-body .card .value").Nth(1).InnerTextAsync());

        // The curve has the rewarded round.
        var charts = await browser.ChartsAsync("#bandit-body");
        Assert.Equal(["line", "line"], charts.Select(c => c.Type));
        Assert.Equal(1d, (double)charts[0].Values.Single());

        await browser.ScreenshotAsync("bandit");
        browser.AssertNoErrors();
    }
}
