namespace Encore.Evaluation.Tests.Reports;

/// <summary>
/// A fact that needs Debian's headless Chromium at <see cref="ChromiumPath"/>. CI installs it (.ci/run);
/// a developer machine without it skips the test instead of failing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath)) Skip = $"{ChromiumPath} is not installed (apt-get install chromium)";
    }
}
