using Encore.Tests.Shared;
using Microsoft.Playwright;

namespace Encore.Server.Tests.Dashboard;

/// <summary>
/// Headless Debian Chromium driven by Playwright, one page, with every console error and uncaught page
/// error collected so a test can fail on them. Screenshots go to dashboard-screenshots/ in the test output.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _errors = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Add($"page error: {error}");
    }

    public IPage Page { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");

    public static async Task<BrowserSession> StartAsync(int width = 1280)
    {
        // Playwright must use Debian's chromium and never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        return new BrowserSession(playwright, browser, page);
    }

    /// <summary>Opens a dashboard route and waits until the page says it has rendered.</summary>
    public async Task OpenAsync(Uri server, string route)
    {
        await Page.GotoAsync(new Uri(server, "/dashboard/#/" + route).ToString());
        await Page.WaitForSelectorAsync($"#page[data-page='{route.Split('?')[0]}'][data-ready='true']");
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"dashboard-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// The Chart.js charts under <paramref name="selector"/>, in document order: per chart its type and the
    /// number of values in each dataset (null values not counted).
    /// </summary>
    public async Task<ChartSummary[]> ChartsAsync(string selector = "#page")
    {
        var json = await Page.EvaluateAsync<string>(@"selector => JSON.stringify([...document.querySelectorAll(selector + ' .chart-box canvas')].map(c => {
            const chart = Chart.getChart(c);
            return { type: chart.config.type, values: chart.data.datasets.map(d => d.data.filter(v => v !== null && v !== undefined).length), whiskers: chart.data.datasets.some(d => d.intervals) };
        }))", selector);
        return System.Text.Json.JsonSerializer.Deserialize<ChartSummary[]>(json, System.Text.Json.JsonSerializerOptions.Web)!;
    }

    /// <summary>Fails with every console or page error seen so far.</summary>
    public void AssertNoErrors()
    {
        lock (_errors) Assert.True(_errors.Count == 0, "browser errors:\n" + string.Join("\n", _errors));
    }

    private void Add(string error)
    {
        lock (_errors) _errors.Add(error);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>A Chart.js chart as the page drew it: "bar" or "line", values per dataset, interval whiskers.</summary>
internal sealed record ChartSummary(string Type, int[] Values, bool Whiskers);
