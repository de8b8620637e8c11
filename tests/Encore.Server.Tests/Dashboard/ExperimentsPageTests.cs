using Encore.Tests.Shared;

namespace Encore.Server.Tests.Dashboard;

/// <summary>The #/experiments page in a real browser: metrics, the play-rate chart with whiskers, stop, promote and deleting a draft.</summary>
public sealed class ExperimentsPageTests
{
    [ChromiumFact]
    public async Task Experiments_RunningWithFeedback_ShowsMetricsChartAndStopsThenPromotes()
    {
        await using var server = await TestServer.StartAsync();
        await Send(server, HttpMethod.Post, "/api/models", TestServer.AdminKey, new { name = "knn", path = ModelFiles.Knn, activate = true });
        await Send(server, HttpMethod.Post, "/api/experiments", TestServer.AdminKey, new
        {
            name = "ab",
            variants = new object[] { new { name = "control", share = 0.5, model = "main" }, new { name = "treatment", share = 0.5, model = "knn" } },
        });
        await Send(server, HttpMethod.Post, "/api/experiments/ab/start", TestServer.AdminKey, null);
        var shown = new List<(string User, string Track)>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await server.Client.GetAsync($"/api/users/{ModelFiles.User(i)}/recommendations?k=5");
            shown.Add((ModelFiles.User(i), Json.Tracks(await Json.Read(response))[i % 5]));
        }
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await Send(server, HttpMethod.Post, "/api/events", TestServer.WriteKey, shown.Select(s => new { user = s.User, track = s.Track, kind = "play", timestamp = now }).ToArray());

        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(server.Client.BaseAddress!, "experiments");
        var page = browser.Page;
        Assert.Contains("Enter an admin API key", await page.InnerTextAsync("#experiments-list"), StringComparison.Ordinal);
        await page.FillAsync("#api-key", TestServer.AdminKey);
        await page.Locator("#api-key").DispatchEventAsync("change");
        await page.ClickAsync("#experiments-load");
        await page.WaitForSelectorAsync("[data-experiment='ab'] .chart-box");
        var panel = page.Locator("[data-experiment='ab']");
        Assert.Contains("ab — running", await panel.Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await panel.Locator("table").First.Locator("tbody tr").CountAsync());
        var charts = await browser.ChartsAsync("[data-experiment='ab']");
        Assert.Equal(["bar"], charts.Select(c => c.Type));
        Assert.Equal(new[] { 2 }, charts[0].Values);
        Assert.True(charts[0].Whiskers);
        Assert.Equal(4, await panel.Locator("table").Nth(1).Locator("tbody tr").CountAsync()); // four metrics against the control

        await panel.Locator("[data-action='stop']").ClickAsync();
        await page.WaitForFunctionAsync("document.querySelector(\"[data-experiment='ab'] h2\")?.textContent.includes('stopped')");
        await page.Locator("[data-experiment='ab'] [data-action='promote-treatment']").ClickAsync();
        await page.WaitForFunctionAsync("document.querySelector(\"[data-experiment='ab'] h2\")?.textContent.includes('treatment promoted')");
        await browser.ScreenshotAsync("experiments");
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Experiments_Draft_HasADeleteButtonThatRemovesIt()
    {
        await using var server = await TestServer.StartAsync();
        await Send(server, HttpMethod.Post, "/api/experiments", TestServer.AdminKey, new
        {
            name = "draft-ab",
            variants = new object[] { new { name = "control", share = 0.5, model = "main" }, new { name = "twin", share = 0.5, model = "main" } },
        });

        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(server.Client.BaseAddress!, "experiments");
        var page = browser.Page;
        await page.FillAsync("#api-key", TestServer.AdminKey);
        await page.Locator("#api-key").DispatchEventAsync("change");
        await page.ClickAsync("#experiments-load");
        await page.Locator("[data-experiment='draft-ab'] [data-action='delete']").ClickAsync();
        await page.WaitForFunctionAsync("document.querySelector('#experiments-status')?.textContent.includes('draft-ab: delete done')");

        Assert.Equal(0, await page.Locator("[data-experiment='draft-ab']").CountAsync());
        Assert.Contains("No experiment yet", await page.InnerTextAsync("#experiments-list"), StringComparison.Ordinal);
        browser.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Experiments_OneUserPerVariant_ShowsNotEnoughDataAndNoInterval()
    {
        await using var server = await TestServer.StartAsync();
        await Send(server, HttpMethod.Post, "/api/experiments", TestServer.AdminKey, new
        {
            name = "tiny",
            variants = new object[] { new { name = "control", share = 0.5, model = "main" }, new { name = "twin", share = 0.5, model = "main" } },
        });
        await Send(server, HttpMethod.Post, "/api/experiments/tiny/start", TestServer.AdminKey, null);
        using (var response = await server.Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations?k=5")) Assert.True(response.IsSuccessStatusCode);

        await using var browser = await BrowserSession.StartAsync();
        await browser.OpenAsync(server.Client.BaseAddress!, "experiments");
        var page = browser.Page;
        await page.FillAsync("#api-key", TestServer.AdminKey);
        await page.Locator("#api-key").DispatchEventAsync("change");
        await page.ClickAsync("#experiments-load");
        await page.WaitForSelectorAsync("[data-experiment='tiny'] [data-verdict]");
        var panel = page.Locator("[data-experiment='tiny']");
        Assert.Equal(4, await panel.Locator("[data-verdict='not-enough-data']").CountAsync());
        Assert.Equal(0, await panel.Locator("[data-verdict='significant']").CountAsync());
        Assert.Contains("[n/a]", await panel.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        browser.AssertNoErrors();
    }

    private static async Task Send(TestServer server, HttpMethod method, string path, string key, object? body)
    {
        using var response = await server.Client.SendAsync(server.Request(method, path, key, body is null ? null : Json.Body(body)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} -> {(int)response.StatusCode}: {text}");
    }
}
