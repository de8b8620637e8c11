using System.Text.RegularExpressions;
using Encore.Evaluation.Reports;
using SkiaSharp;

namespace Encore.Evaluation.Tests.Reports;

public sealed partial class HtmlReportTests
{
    [Fact]
    public void Render_SameRunsInAnyOrder_GivesIdenticalHtml()
    {
        var runs = ReportFixtures.Runs();
        var shuffled = runs.AsEnumerable().Reverse().ToList();

        Assert.Equal(HtmlReport.Render(runs), HtmlReport.Render(shuffled));
    }

    [Fact]
    public void Render_FullRuns_FillsEveryFigureWithAnImage()
    {
        var html = HtmlReport.Render(ReportFixtures.Runs());

        var figureIds = FigureId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ReportFixtures.FigureIds, figureIds);
        Assert.Equal(ReportFixtures.FigureIds.Length, ImageSource().Matches(html).Count);
        Assert.DoesNotContain("data-skipped", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullRuns_EveryImageIsAPngWithManyColours()
    {
        var html = HtmlReport.Render(ReportFixtures.Runs());

        foreach (Match image in ImageSource().Matches(html))
        {
            using var bitmap = SKBitmap.Decode(Convert.FromBase64String(image.Groups[1].Value));
            Assert.Equal((760, 400), (bitmap.Width, bitmap.Height));
            Assert.True(bitmap.Pixels.Distinct().Count() > 10);
        }
    }

    [Fact]
    public void Render_RunsWithoutCurvesOrSweeps_ShowsAVisibleNoteInstead()
    {
        var run = ReportFixtures.Run("only", "popularity", 0, null, [], 0.05, 0.2, []) with
        {
            Means = new Dictionary<string, double> { ["ndcg@10"] = 0.05 },
            PerUser = new Dictionary<string, double[]>(),
        };

        var html = HtmlReport.Render([run]);

        Assert.Contains("Skipped: no metric was measured at two or more cut-offs", html, StringComparison.Ordinal);
        Assert.Contains("Skipped: no run carries per-user metric values.", html, StringComparison.Ordinal);
        Assert.Contains("Skipped: no run recorded a training curve", html, StringComparison.Ordinal);
        Assert.Contains("Skipped: no runs share a sweep id", html, StringComparison.Ordinal);
        Assert.Contains("Skipped: no run has both coverage@10 and ndcg@10.", html, StringComparison.Ordinal);
        Assert.Empty(ImageSource().Matches(html));
    }

    [Fact]
    public void Render_HostileText_IsEscapedEverywhere()
    {
        var runs = ReportFixtures.Runs();
        runs[0] = runs[0] with { Model = "<script>alert(1)</script>", Protocol = "a & \"b\"", CodeVersion = "<b>" };

        var html = HtmlReport.Render(runs, new ReportOptions { Title = "<i>title</i>" });

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a &amp; &quot;b&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullRuns_LeaderboardRanksByPrimaryMetricWithIntervals()
    {
        var html = HtmlReport.Render(ReportFixtures.Runs());
        var board = html[html.IndexOf("<table id=\"leaderboard\"", StringComparison.Ordinal)..html.IndexOf("<h2>", StringComparison.Ordinal)];

        var order = RunCell().Matches(board).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["s1-c", "s1-d", "r3-als", "s1-b", "r2-knn", "s1-a", "r1-pop"], order);
        Assert.Contains("0.1600<span class=\"ci\">[0.1500, 0.1720]</span>", board, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullRuns_ReferencesNothingOutsideThePage()
    {
        var html = HtmlReport.Render(ReportFixtures.Runs());

        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullRuns_ShowsRunMetadata()
    {
        var html = HtmlReport.Render(ReportFixtures.Runs());

        Assert.Contains($"<code title=\"{ReportFixtures.Hash}\">9f86d081884c</code>", html, StringComparison.Ordinal);
        Assert.Contains("user-holdout-0.2 full-ranking", html, StringComparison.Ordinal);
        Assert.Contains("0.1.0&#x2B;abc1234", html, StringComparison.Ordinal);
        Assert.Contains("factors=128, reg=0.1", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 09:36:00 &#x2B;00:00", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoRuns_Throws() =>
        Assert.Throws<ArgumentException>(() => HtmlReport.Render([]));

    [Fact]
    public void Write_FullRuns_WritesTheRenderedPage()
    {
        var dir = Directory.CreateTempSubdirectory("encore-report-");
        try
        {
            var path = Path.Combine(dir.FullName, "sub", "report.html");
            HtmlReport.Write(ReportFixtures.Runs(), path);
            Assert.Equal(HtmlReport.Render(ReportFixtures.Runs()), File.ReadAllText(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex("<figure id=\"([^\"]+)\"")]
    private static partial Regex FigureId();

    [GeneratedRegex("<img src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("<td><code>([^<]+)</code></td>")]
    private static partial Regex RunCell();
}
