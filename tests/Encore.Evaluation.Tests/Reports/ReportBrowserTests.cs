using Encore.Evaluation.Reports;
using Encore.Tests.Shared;
using Microsoft.Playwright;

namespace Encore.Evaluation.Tests.Reports;

/// <summary>
/// Opens a generated report in headless Chromium (Debian's binary, driven by Playwright; Playwright never
/// downloads a browser) and checks the page renders: no console or page errors, no network request, every
/// plot image loaded and not blank. Saves a full-page screenshot under the test output folder.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    // Draws each plot on a canvas and counts its distinct colours (capped), so a blank or one-colour image fails.
    private const string InspectImages = """
        () => Array.from(document.querySelectorAll('figure img')).map(img => {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
          const colours = new Set();
          if (img.naturalWidth > 0) {
            const g = canvas.getContext('2d');
            g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 0; i < d.length && colours.size < 1000; i += 4) colours.add((d[i] << 24) | (d[i+1] << 16) | (d[i+2] << 8) | d[i+3]);
          }
          return { id: img.closest('figure').id, alt: img.alt, complete: img.complete, naturalWidth: img.naturalWidth, colours: colours.size };
        })
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("encore-report-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ChromiumFact]
    public async Task Report_OpenedInChromium_RendersEveryPlotWithoutErrors()
    {
        var reportPath = Path.Combine(_dir, "report.html");
        HtmlReport.Write(ReportFixtures.Runs(), reportPath);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                errors.Add($"network request: {request.Url}");
        };

        await page.GotoAsync(new Uri(reportPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var images = await page.EvaluateAsync<ImageCheck[]>(InspectImages);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshots", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        File.Copy(reportPath, Path.ChangeExtension(screenshot, ".html"), overwrite: true); // kept beside it to inspect failures

        Assert.Empty(errors);
        Assert.Equal("Encore experiment report", await page.TitleAsync());
        Assert.Equal(ReportFixtures.FigureIds, images.Select(i => i.Id));
        Assert.All(images, image =>
        {
            Assert.True(image.Complete, $"{image.Id} did not finish loading");
            Assert.Equal(760, image.NaturalWidth);
            Assert.False(string.IsNullOrWhiteSpace(image.Alt), $"{image.Id} has no alt text");
            Assert.True(image.Colours > 20, $"{image.Id} has only {image.Colours} colours");
        });
        Assert.Equal(7, await page.Locator("#leaderboard tbody tr").CountAsync());
        Assert.True(new FileInfo(screenshot).Length > 50_000);
    }

    /// <summary>What the page script reports per plot image (Playwright fills it through a parameterless constructor).</summary>
    private sealed class ImageCheck
    {
        public string Id { get; set; } = "";
        public string Alt { get; set; } = "";
        public bool Complete { get; set; }
        public int NaturalWidth { get; set; }
        public int Colours { get; set; }
    }
}
