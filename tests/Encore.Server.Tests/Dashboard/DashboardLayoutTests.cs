using Encore.Tests.Shared;
using Microsoft.Playwright;

namespace Encore.Server.Tests.Dashboard;

/// <summary>
/// Every dashboard page, filled with realistic data (the Tiny world as base dataset, two models, ingested
/// events, a run store of 21 runs with real-looking ids, a sweep and long dataset names), at 1280 and 1920 px:
/// no text box, chart, or control overlaps another, and the page never scrolls sideways. With
/// ENCORE_SCREENSHOTS set to a folder, the 1280 px pages are saved there as dashboard-{page}.png (docs/images
/// is regenerated that way, see docs/dashboard.md).
/// </summary>
public sealed class DashboardLayoutTests(DashboardServerFixture fixture) : IClassFixture<DashboardServerFixture>
{
    private static readonly int[] Widths = [1280, 1920];

    // Boxes of every visible text line (per text node, via Range rects) and of every chart canvas and control
    // under #page; pairs that intersect by more than a pixel both ways are reported, except a control and the
    // text inside it (a button's label). Also reports a page wider than the window.
    private const string OverlapScript = """
        () => {
          const boxes = [];
          const shown = r => r.width > 0.5 && r.height > 0.5;
          const root = document.getElementById('page');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!n.textContent.trim() || el.closest('select, option, script, style, iframe')) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) if (shown(r)) boxes.push({ kind: 'text', el, label: n.textContent.trim().slice(0, 40), r });
          }
          for (const el of root.querySelectorAll('canvas, input, select, textarea, button, iframe')) {
            const r = el.getBoundingClientRect();
            if (shown(r)) boxes.push({ kind: el.tagName.toLowerCase(), el, label: el.id || el.getAttribute('aria-label') || '', r });
          }
          const problems = [];
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            const related = a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el);
            if (related && (a.kind !== 'text' || b.kind !== 'text')) continue;
            const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
            const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
            if (w > 1 && h > 1) problems.push(`${a.kind} '${a.label}' overlaps ${b.kind} '${b.label}' (${w.toFixed(0)} x ${h.toFixed(0)} px)`);
          }
          const width = document.documentElement.scrollWidth;
          if (width > window.innerWidth + 1) problems.push(`the page is ${width} px wide in a ${window.innerWidth} px window`);
          return problems.slice(0, 15);
        }
        """;

    private Uri Server => fixture.Server.Client.BaseAddress!;

    [ChromiumFact]
    public Task Overview_BothWidths_NothingOverlaps() => Check("overview", _ => Task.CompletedTask);

    [ChromiumFact]
    public Task Models_BothWidths_NothingOverlaps() => Check("models", _ => Task.CompletedTask);

    [ChromiumFact]
    public Task Runs_ManyRunsLongIds_NothingOverlaps() => Check("runs", async page =>
        Assert.True(await page.Locator(".run-group").CountAsync() >= 3));

    [ChromiumFact]
    public Task Users_TwoModels_NothingOverlaps() => Check("users", async page =>
    {
        await page.FillAsync("#user-id", ModelFiles.User(0));
        await page.SelectOptionAsync("#model-a", "main");
        await page.SelectOptionAsync("#model-b", "knn");
        await page.ClickAsync("#look-up");
        await page.WaitForSelectorAsync("#user-result .grid");
    });

    [ChromiumFact]
    public Task Groups_FiveMembers_NothingOverlaps() => Check("groups", async page =>
    {
        await page.FillAsync("#member-id", string.Join(", ", Enumerable.Range(1, 5).Select(ModelFiles.User)));
        await page.ClickAsync("#add-member");
        await page.ClickAsync("#recommend-group");
        await page.WaitForSelectorAsync("#group-result .grid");
    });

    [ChromiumFact]
    public Task Playlists_Continuation_NothingOverlaps() => Check("playlists", async page =>
    {
        await page.ClickAsync("#popular-seeds");
        await page.WaitForFunctionAsync("document.querySelector('#seeds').value.split('\\n').length === 3");
        await page.ClickAsync("#continue");
        await page.WaitForSelectorAsync("#playlist-result .grid");
    });

    [ChromiumFact]
    public async Task Live_AfterTraffic_NothingOverlaps()
    {
        for (var i = 0; i < 20; i++)
        {
            using var response = await fixture.Server.Client.GetAsync(new Uri($"/api/users/{ModelFiles.User(i % 7)}/recommendations?k=5", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }
        await Check("live", page => page.WaitForSelectorAsync("#live-body .chart-box"));
    }

    [ChromiumFact]
    public async Task Bandit_AfterRounds_NothingOverlaps()
    {
        var user = ModelFiles.User(6);
        for (var round = 0; round < 12; round++)
        {
            using var next = await fixture.Server.Client.SendAsync(fixture.Server.Request(HttpMethod.Post, $"/api/users/{user}/next", TestServer.WriteKey));
            next.EnsureSuccessStatusCode();
            var track = (await Json.Read(next)).GetProperty("track").GetString();
            using var feedback = await fixture.Server.Client.SendAsync(fixture.Server.Request(HttpMethod.Post, "/api/events", TestServer.WriteKey,
                Json.Body(new { user, track, kind = round % 3 == 0 ? "skip" : "like" })));
            feedback.EnsureSuccessStatusCode();
        }
        await Check("bandit", async page =>
        {
            await page.FillAsync("#bandit-user", user);
            await page.ClickAsync("#bandit-show");
            await page.WaitForSelectorAsync("#bandit-choices tbody tr");
        });
    }

    [ChromiumFact]
    public async Task Experiments_StoppedExperiment_NothingOverlaps()
    {
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Post, "/api/experiments", new
            {
                name = "layout-ab",
                variants = new object[] { new { name = "control", share = 0.5, model = "main" }, new { name = "treatment-with-a-long-name", share = 0.5, model = "knn" } },
            }),
            (HttpMethod.Post, "/api/experiments/layout-ab/start", null),
            (HttpMethod.Post, "/api/experiments/layout-ab/stop", null),
        })
        {
            using var response = await fixture.Server.Client.SendAsync(fixture.Server.Request(method, path, TestServer.AdminKey, body is null ? null : Json.Body(body)));
            response.EnsureSuccessStatusCode();
        }
        await Check("experiments", async page =>
        {
            await page.FillAsync("#api-key", TestServer.AdminKey);
            await page.Locator("#api-key").DispatchEventAsync("change");
            await page.ClickAsync("#experiments-load");
            await page.WaitForSelectorAsync("[data-experiment='layout-ab'] .chart-box");
        });
    }

    private async Task Check(string route, Func<IPage, Task> fill)
    {
        foreach (var width in Widths)
        {
            await using var browser = await BrowserSession.StartAsync(width);
            await browser.OpenAsync(Server, route);
            await fill(browser.Page);
            // Chart.js sizes its canvas on the next frame after layout.
            await browser.Page.WaitForTimeoutAsync(200);
            var problems = await browser.Page.EvaluateAsync<string[]>(OverlapScript);
            Assert.True(problems.Length == 0, $"{route} at {width} px:\n" + string.Join("\n", problems));
            browser.AssertNoErrors();
            if (width == Widths[0] && Environment.GetEnvironmentVariable("ENCORE_SCREENSHOTS") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"dashboard-{route}.png"), FullPage = true });
            }
        }
    }
}
