namespace Encore.Tests.Shared;

/// <summary>
/// A fact that drives Debian's headless Chromium at <see cref="ExecutablePath"/> (CI installs it in .ci/run);
/// skipped, not passed, where it is not installed. Playwright never downloads a browser
/// (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath)) Skip = $"{ExecutablePath} is not installed (apt-get install chromium).";
    }
}
