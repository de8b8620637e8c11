using Encore.Tests.Shared;
namespace Encore.Server.Tests.Dashboard;

/// <summary>The runs page in a real browser over the hand-made experiment store of <see cref="RunsServerFixture"/>.</summary>
public sealed class RunsBrowserTests(RunsServerFixture fixture) : IClassFixture<RunsServerFixture>
{
    private Uri Server => fixture.Server.Client.BaseAddress!;

    [ChromiumFact]
    public async Task Runs_PickTwoRuns_LeaderboardChartAndReport()
    {
        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(Server, "runs");
        var page = browser.Page;

        Assert.Equal("ndcg@10", await page.InputValueAsync("#metric"));
        // Two groups: peers · temporal (one run), tiny · user-holdout (three runs, best ndcg@10 first).
        var groups = page.Locator(".run-group");
        Assert.Equal(2, await groups.CountAsync());
        var tiny = page.Locator(".run-group[data-group='tiny · user-holdout-0.2 full-ranking']");
        Assert.Equal(3, await tiny.Locator("tbody tr").CountAsync());
        Assert.Equal(["r-als", "r-knn", "r-pop"], await tiny.Locator("tbody tr code").AllInnerTextsAsync());
        Assert.Contains("0.3100 [0.2800, 0.3400]", await tiny.Locator("tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        // One bar per run, with interval whiskers.
        var chart = (await browser.ChartsAsync(".run-group[data-group='tiny · user-holdout-0.2 full-ranking']")).Single();
        Assert.Equal(new[] { 3 }, chart.Values);
        Assert.True(chart.Whiskers);

        // Another metric re-sorts: coverage@10 puts item-kNN first; it has no interval, so no whiskers.
        await page.SelectOptionAsync("#metric", "coverage@10");
        Assert.Equal(["r-knn", "r-als", "r-pop"], await tiny.Locator("tbody tr code").AllInnerTextsAsync());
        Assert.False((await browser.ChartsAsync(".run-group[data-group='tiny · user-holdout-0.2 full-ranking']")).Single().Whiskers);
        await page.SelectOptionAsync("#metric", "ndcg@10");

        Assert.True(await page.Locator("#open-report").IsDisabledAsync());
        await page.CheckAsync("input.pick[data-id='r-als']");
        await page.CheckAsync("input.pick[data-id='r-knn']");
        Assert.Equal("2 selected", await page.InnerTextAsync("#selected-count"));
        Assert.Contains("ids=r-als%2Cr-knn", await page.GetAttributeAsync("#report-tab", "href") ?? "", StringComparison.Ordinal);
        await page.ClickAsync("#open-report");
        var report = page.FrameLocator("#report-frame");
        await report.Locator("figure").First.WaitForAsync();
        Assert.True(await report.Locator("figure").CountAsync() > 0);
        var text = await report.Locator("body").InnerTextAsync();
        Assert.Contains("r-als", text, StringComparison.Ordinal);
        Assert.DoesNotContain("r-pop", text, StringComparison.Ordinal);

        await browser.ScreenshotAsync("runs");
        browser.AssertNoErrors();
    }
}
