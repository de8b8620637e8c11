using System.Globalization;
using System.Text;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Reports;

/// <summary>
/// Lays out the page: summary, leaderboard, figure sections, run metadata. The page is one file: plots are
/// inline base64 PNGs, the style is inline, and a Content-Security-Policy forbids any network request.
/// </summary>
internal static class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
        h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
        table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .ci{display:block;color:#777;font-size:.75rem}.scroll{overflow-x:auto}
        figure{margin:1.2rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
        figcaption{font-size:.85rem;color:#444;max-width:760px}
        .skipped{color:#8a5a00;background:#fff8e5;border:1px solid #f0d9a0;padding:.5rem .75rem;font-size:.9rem}
        """;

    public static string Render(ReportContext context, IReadOnlyList<(string Section, IReadOnlyList<ReportFigure> Figures)> sections)
    {
        var html = new StringBuilder(1 << 16);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Text(context.Options.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Html.Text(context.Options.Title)).Append("</h1>\n");
        Summary(html, context);
        html.Append("<h2 id=\"leaderboard-heading\">Leaderboard</h2>\n<p>Ranked by ").Append(Html.Text(context.Options.PrimaryMetric))
            .Append("; intervals are 95% bootstrap intervals over users where the run recorded them.</p>\n");
        LeaderboardTable.Write(html, context);
        Verdicts(html, context);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (section, figures) in sections)
        {
            html.Append("<h2>").Append(Html.Text(section)).Append("</h2>\n");
            foreach (var figure in figures) Figure(html, figure, UniqueId(ids, figure.Id), context.Options);
        }
        html.Append("<h2 id=\"runs-heading\">Runs</h2>\n");
        RunMetadataTable.Write(html, context);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    // One sentence per data set and protocol with a popularity run: is the best other model significantly better (PopularityVerdict)?
    private static void Verdicts(StringBuilder html, ReportContext context)
    {
        var metric = context.Options.PrimaryMetric;
        var runs = context.Runs.Select(r => r.Run).ToList();
        foreach (var group in runs.GroupBy(r => (r.DatasetHash, r.Protocol)).OrderBy(g => g.Key.Protocol, StringComparer.Ordinal).ThenBy(g => g.Key.DatasetHash, StringComparer.Ordinal))
        {
            if (PopularityVerdict.Of([.. group], metric) is not { } verdict) continue;
            html.Append("<p class=\"verdict\">").Append(Html.Text(verdict.Sentence));
            if (runs.Select(r => (r.DatasetHash, r.Protocol)).Distinct().Count() > 1)
                html.Append(" (").Append(Html.Text(group.First().Dataset)).Append(", ").Append(Html.Text(group.Key.Protocol)).Append(')');
            html.Append("</p>\n");
        }
    }

    private static void Summary(StringBuilder html, ReportContext context)
    {
        var runs = context.Runs.Select(r => r.Run).ToList();
        html.Append("<ul id=\"summary\">\n<li>").Append(runs.Count.ToString(CultureInfo.InvariantCulture)).Append(" runs of ")
            .Append(Html.Text(string.Join(", ", runs.Select(r => r.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))).Append("</li>\n");
        foreach (var dataset in runs.Select(r => (r.Dataset, r.DatasetHash)).Distinct().OrderBy(d => d.Dataset, StringComparer.Ordinal).ThenBy(d => d.DatasetHash, StringComparer.Ordinal))
            html.Append("<li>dataset ").Append(Html.Text(dataset.Dataset)).Append(", hash <code>").Append(Html.Text(dataset.DatasetHash)).Append("</code></li>\n");
        foreach (var protocol in runs.Select(r => r.Protocol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            html.Append("<li>protocol ").Append(Html.Text(protocol)).Append("</li>\n");
        foreach (var version in runs.Select(r => r.CodeVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            html.Append("<li>code version <code>").Append(Html.Text(version)).Append("</code></li>\n");
        html.Append("</ul>\n");
    }

    private static void Figure(StringBuilder html, ReportFigure figure, string id, ReportOptions options)
    {
        html.Append("<figure id=\"").Append(Html.Text(id)).Append('"');
        if (figure.Png is null)
        {
            html.Append(" class=\"skipped\" data-skipped=\"true\"><figcaption><strong>").Append(Html.Text(figure.Title))
                .Append("</strong></figcaption><p class=\"note\">").Append(Html.Text(figure.SkipNote ?? "")).Append("</p></figure>\n");
            return;
        }
        html.Append(">\n<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(figure.Png))
            .Append("\" alt=\"").Append(Html.Text(figure.Alt)).Append("\" width=\"").Append(options.PlotWidth.ToString(CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(options.PlotHeight.ToString(CultureInfo.InvariantCulture)).Append("\">\n<figcaption><strong>")
            .Append(Html.Text(figure.Title)).Append(".</strong> ").Append(Html.Text(figure.Caption)).Append("</figcaption>\n</figure>\n");
    }

    private static string UniqueId(HashSet<string> used, string raw)
    {
        var id = "fig-" + Html.Slug(raw);
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{id}-{n.ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }
}
