namespace Encore.Evaluation.Reports;

/// <summary>Coverage vs accuracy: one point per run that has both metrics, compared runs labelled.</summary>
internal static class CoverageAccuracyFigure
{
    private const string Id = "coverage-vs-accuracy";

    public static ReportFigure Build(ReportContext context)
    {
        var coverage = context.Options.CoverageMetric;
        var accuracy = context.Options.PrimaryMetric;
        var runs = context.Runs.Where(r => r.Has(coverage) && r.Has(accuracy)).ToList();
        if (runs.Count == 0)
            return ReportFigure.Skipped(Id, "Coverage vs accuracy", $"Skipped: no run has both {coverage} and {accuracy}.");

        var plot = PlotImage.Create($"{coverage} vs {accuracy}", coverage, accuracy);
        foreach (var run in runs)
        {
            var point = plot.Add.Marker(run.Mean(coverage), run.Mean(accuracy), ScottPlot.MarkerShape.FilledCircle, run.Compared ? 10 : 6,
                PlotImage.ColorOf(run));
            point.LegendText = run.Compared ? run.Label : "";
        }
        plot.ShowLegend(ScottPlot.Edge.Right);
        return ReportFigure.Plot(Id, "Coverage vs accuracy",
            $"Catalogue coverage ({coverage}) against accuracy ({accuracy}) of each run; grey points are sweep runs other than the best of their sweep.",
            $"Scatter of {accuracy} against {coverage} for {runs.Count} runs.",
            PlotImage.Png(plot, context.Options));
    }
}
