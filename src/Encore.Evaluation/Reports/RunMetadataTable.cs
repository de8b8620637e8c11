using System.Globalization;
using System.Text;

namespace Encore.Evaluation.Reports;

/// <summary>What each run was: kind, sweep, model parameters, dataset and its hash, protocol, code version, seed, start time.</summary>
internal static class RunMetadataTable
{
    public static void Write(StringBuilder html, ReportContext context)
    {
        html.Append("<div class=\"scroll\"><table id=\"runs\"><thead><tr><th>run</th><th>kind</th><th>sweep</th><th>model</th>")
            .Append("<th>parameters</th><th>dataset</th><th>dataset hash</th><th>protocol</th><th>code version</th>")
            .Append("<th>seed</th><th>started</th><th>users</th></tr></thead><tbody>\n");
        foreach (var run in context.Runs)
        {
            var r = run.Run;
            var parameters = string.Join(", ", r.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            var shortHash = r.DatasetHash.Length > 12 ? r.DatasetHash[..12] : r.DatasetHash;
            html.Append("<tr><td><code>").Append(Html.Text(r.Id)).Append("</code></td>")
                .Append("<td>").Append(Html.Text(r.Kind)).Append("</td>")
                .Append("<td>").Append(Html.Text(r.SweepId ?? "")).Append("</td>")
                .Append("<td>").Append(Html.Text(r.Model)).Append("</td>")
                .Append("<td>").Append(Html.Text(parameters)).Append("</td>")
                .Append("<td>").Append(Html.Text(r.Dataset)).Append("</td>")
                .Append("<td><code title=\"").Append(Html.Text(r.DatasetHash)).Append("\">").Append(Html.Text(shortHash)).Append("</code></td>")
                .Append("<td>").Append(Html.Text(r.Protocol)).Append("</td>")
                .Append("<td><code>").Append(Html.Text(r.CodeVersion)).Append("</code></td>")
                .Append("<td class=\"num\">").Append(r.Seed.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(Html.Text(r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))).Append("</td>")
                .Append("<td class=\"num\">").Append(r.Users.Length.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }
}
