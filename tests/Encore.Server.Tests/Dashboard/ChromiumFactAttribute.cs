namespace Encore.Server.Tests.Dashboard;

/// <summary>
/// A fact that drives Debian's headless Chromium at <see cref="Path"/>; skipped (not passed) when it is
/// not installed. Playwright never downloads a browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"{Path} is not installed (apt-get install chromium).";
    }
}
