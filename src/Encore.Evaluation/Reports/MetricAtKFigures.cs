using System.Globalization;

namespace Encore.Evaluation.Reports;

/// <summary>Metric@k curves: one figure per metric measured at two or more cut-offs, one line per compared run.</summary>
internal static class MetricAtKFigures
{
    public static List<ReportFigure> Build(ReportContext context)
    {
        var figures = new List<ReportFigure>();
        var keys = MetricKey.AllIn(context.Compared).Where(k => k.K is not null).ToList();
        foreach (var group in keys.GroupBy(k => k.Name, StringComparer.Ordinal))
        {
            var cutoffs = group.ToList();
            if (cutoffs.Count < 2) continue;
            figures.Add(Figure(context, group.Key, cutoffs));
        }
        if (figures.Count == 0)
            figures.Add(ReportFigure.Skipped("metric-at-k", "Metrics at k",
                "Skipped: no metric was measured at two or more cut-offs (e.g. ndcg@5 and ndcg@10)."));
        return figures;
    }

    private static ReportFigure Figure(ReportContext context, string name, List<MetricKey> cutoffs)
    {
        var plot = PlotImage.Create($"{name} at k", "cut-off k", name);
        var lines = 0;
        foreach (var run in context.Compared)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var key in cutoffs)
            {
                if (!run.Has(key.Key)) continue;
                xs.Add(key.K!.Value);
                ys.Add(run.Mean(key.Key));
            }
            if (xs.Count == 0) continue;
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.LegendText = run.Label;
            line.Color = PlotImage.ColorOf(run);
            line.MarkerSize = 7;
            lines++;
        }
        var ks = cutoffs.Select(k => (double)k.K!.Value).ToList();
        PlotImage.ManualTicks(plot.Axes.Bottom, ks, ks.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToList());
        plot.ShowLegend(ScottPlot.Edge.Right);
        var kList = string.Join(", ", ks.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        return ReportFigure.Plot($"metric-at-k-{name}", $"{name} at k",
            $"Mean {name} of each model at cut-offs {kList}.",
            $"Line chart of mean {name} against cut-off k ({kList}) for {lines} runs.",
            PlotImage.Png(plot, context.Options));
    }
}
