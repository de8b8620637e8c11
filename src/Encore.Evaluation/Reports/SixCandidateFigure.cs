namespace Encore.Evaluation.Reports;

/// <summary>
/// SPEC S4's results summary as a chart: for each (dataset, six-candidate protocol) in the report, the
/// latest run of every model, sorted by accuracy, with its 95% bootstrap interval. No six-candidate run: no figure.
/// </summary>
internal static class SixCandidateFigure
{
    private const string Metric = "accuracy";

    public static List<ReportFigure> Build(ReportContext context)
    {
        var figures = new List<ReportFigure>();
        var groups = context.Runs
            .Where(r => r.Run.Protocol.StartsWith("six-candidate", StringComparison.Ordinal) && r.Has(Metric))
            .GroupBy(r => (r.Run.Dataset, r.Run.Protocol));
        foreach (var group in groups.OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Protocol, StringComparer.Ordinal))
        {
            var latest = group.GroupBy(r => r.Run.Model, StringComparer.Ordinal)
                .Select(g => g.MaxBy(r => r.Run.StartedAt)!)
                .OrderBy(r => r.Mean(Metric)).ThenBy(r => r.Run.Model, StringComparer.Ordinal).ToList();
            figures.Add(Figure(context, group.Key.Dataset, group.Key.Protocol, latest, figures.Count));
        }
        return figures; // empty: the report leaves the section out

    }

    private static ReportFigure Figure(ReportContext context, string dataset, string protocol, List<ReportRun> runs, int index)
    {
        var plot = PlotImage.Create($"{dataset}: six-candidate accuracy", Metric, "");
        var ys = Enumerable.Range(0, runs.Count).Select(i => (double)i).ToArray();
        var xs = runs.Select(r => r.Mean(Metric)).ToArray();
        var below = runs.Select((r, i) => r.Run.Intervals.TryGetValue(Metric, out var ci) ? xs[i] - ci.Low : 0).ToArray();
        var above = runs.Select((r, i) => r.Run.Intervals.TryGetValue(Metric, out var ci) ? ci.High - xs[i] : 0).ToArray();
        var points = plot.Add.ScatterPoints(xs, ys);
        points.MarkerSize = 8;
        plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, xErrorsPositive: above, xErrorsNegative: below, yErrorsPositive: null, yErrorsNegative: null));
        PlotImage.ManualTicks(plot.Axes.Left, ys, [.. runs.Select(r => r.Run.Model)]);
        return ReportFigure.Plot($"six-candidate-{index}", $"Six-candidate results summary ({dataset})",
            $"Accuracy of every S4 model on {dataset} ({protocol}), latest run per model, with its 95% bootstrap interval over test users.",
            $"Dot plot of six-candidate accuracy with 95% intervals for {runs.Count} models.",
            PlotImage.Png(plot, context.Options));
    }
}
