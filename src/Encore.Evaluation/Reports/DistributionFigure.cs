using ScottPlot;

namespace Encore.Evaluation.Reports;

/// <summary>
/// Per-user distribution of the primary metric (or, when no run has per-user values of it, of the first
/// metric that has them): one box per compared run, the mean as a diamond.
/// </summary>
internal static class DistributionFigure
{
    private const string Id = "per-user-distribution";

    public static ReportFigure Build(ReportContext context)
    {
        var metric = ChooseMetric(context);
        if (metric is null)
            return ReportFigure.Skipped(Id, "Per-user distribution", "Skipped: no run carries per-user metric values.");

        var plot = PlotImage.Create($"per-user {metric}", "", metric);
        var positions = new List<double>();
        var labels = new List<string>();
        var boxes = 0;
        foreach (var run in context.Compared)
        {
            if (!run.Run.PerUser.TryGetValue(metric, out var values) || Quartiles.Of(values) is not { } q) continue;
            var position = positions.Count;
            var color = PlotImage.ColorOf(run);
            var box = plot.Add.Box(new Box
            {
                Position = position,
                BoxMin = q.Q1,
                BoxMax = q.Q3,
                BoxMiddle = q.Median,
                WhiskerMin = q.WhiskerLow,
                WhiskerMax = q.WhiskerHigh,
            });
            box.FillColor = color.WithAlpha(0.55);
            plot.Add.Marker(position, q.Mean, MarkerShape.FilledDiamond, 9, Colors.Black);
            positions.Add(position);
            labels.Add($"{run.Label}\n{q.Count} users");
            boxes++;
        }
        PlotImage.ManualTicks(plot.Axes.Bottom, positions, labels);
        plot.Axes.SetLimitsX(-0.6, positions.Count - 0.4);
        return ReportFigure.Plot(Id, $"Per-user {metric}",
            $"Distribution of per-user {metric} for each model: box from first to third quartile, line at the median, whiskers to the furthest value within 1.5 IQR, diamond at the mean.",
            $"Box plot of per-user {metric} for {boxes} runs.",
            PlotImage.Png(plot, context.Options));
    }

    private static string? ChooseMetric(ReportContext context)
    {
        if (context.Compared.Any(r => r.Run.PerUser.ContainsKey(context.Options.PrimaryMetric))) return context.Options.PrimaryMetric;
        return context.Compared.SelectMany(r => r.Run.PerUser.Keys).Select(MetricKey.Parse).Order().Select(k => k.Key).FirstOrDefault();
    }
}
