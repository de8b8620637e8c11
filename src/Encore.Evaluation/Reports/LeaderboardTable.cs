using System.Text;

namespace Encore.Evaluation.Reports;

/// <summary>The leaderboard: every run ranked by the primary metric, each metric mean with its 95% interval.</summary>
internal static class LeaderboardTable
{
    public static void Write(StringBuilder html, ReportContext context)
    {
        var primary = context.Options.PrimaryMetric;
        var metrics = MetricKey.AllIn(context.Runs).Select(k => k.Key).ToList();
        if (metrics.Remove(primary)) metrics.Insert(0, primary);
        var ranked = context.Runs.OrderByDescending(r => r.Has(primary) ? r.Mean(primary) : double.NegativeInfinity)
            .ThenBy(r => r.Label, StringComparer.Ordinal).ToList();

        html.Append("<div class=\"scroll\"><table id=\"leaderboard\"><thead><tr><th>#</th><th>model</th><th>run</th>");
        foreach (var metric in metrics) html.Append("<th>").Append(Html.Text(metric)).Append("</th>");
        html.Append("<th>fit s</th><th>evaluate s</th></tr></thead><tbody>\n");
        for (var i = 0; i < ranked.Count; i++)
        {
            var run = ranked[i];
            html.Append("<tr><td>").Append(i + 1).Append("</td><td>").Append(Html.Text(run.Label))
                .Append("</td><td><code>").Append(Html.Text(run.Run.Id)).Append("</code></td>");
            foreach (var metric in metrics) AppendCell(html, run, metric);
            html.Append("<td class=\"num\">").Append(Html.Seconds(run.Run.FitSeconds))
                .Append("</td><td class=\"num\">").Append(Html.Seconds(run.Run.EvaluateSeconds)).Append("</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }

    private static void AppendCell(StringBuilder html, ReportRun run, string metric)
    {
        html.Append("<td class=\"num\">");
        if (run.Run.Means.ContainsKey(metric))
        {
            html.Append(Html.Number(run.Mean(metric)));
            if (run.Run.Intervals.TryGetValue(metric, out var ci))
                html.Append("<span class=\"ci\">[").Append(Html.Number(ci.Low)).Append(", ").Append(Html.Number(ci.High)).Append("]</span>");
        }
        else
        {
            html.Append("&mdash;");
        }
        html.Append("</td>");
    }
}
