namespace Encore.Evaluation.Reports;

/// <summary>Training / bandit trajectories: one figure per curve series ("loss" first), one line per compared run.</summary>
internal static class TrainingCurveFigures
{
    public static List<ReportFigure> Build(ReportContext context)
    {
        var series = context.Compared.SelectMany(r => r.Run.Curve).Select(p => p.Series).Distinct(StringComparer.Ordinal)
            .OrderBy(s => s == "loss" ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal).ToList();
        if (series.Count == 0)
            return [ReportFigure.Skipped("curve-loss", "Training loss", "Skipped: no run recorded a training curve (e.g. loss per iteration).")];
        return series.Select(s => Figure(context, s)).ToList();
    }

    private static ReportFigure Figure(ReportContext context, string series)
    {
        // Bandit runs (simulation, replay) count rounds; training runs count iterations / steps.
        var bandit = context.Compared.Where(r => r.Run.Curve.Any(p => p.Series == series)).All(r => r.Run.Kind.StartsWith("bandit-", StringComparison.Ordinal));
        var unit = series == "loss" ? "iteration" : bandit ? "round" : "step";
        var plot = PlotImage.Create(series == "loss" ? "training loss per iteration" : $"{series} per {unit}", unit, series);
        var lines = 0;
        foreach (var run in context.Compared)
        {
            var points = run.Run.Curve.Where(p => p.Series == series && double.IsFinite(p.Value)).OrderBy(p => p.Step).ToList();
            if (points.Count == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => (double)p.Step).ToArray(), points.Select(p => p.Value).ToArray());
            line.LegendText = run.Label;
            line.Color = PlotImage.ColorOf(run);
            line.MarkerSize = points.Count > 40 ? 0 : 5;
            lines++;
        }
        plot.ShowLegend(ScottPlot.Edge.Right);
        return ReportFigure.Plot($"curve-{series}", series == "loss" ? "Training loss" : $"Curve: {series}",
            $"Series \"{series}\" of each model's training or bandit trajectory, by {unit}.",
            $"Line chart of {series} per {unit} for {lines} runs.",
            PlotImage.Png(plot, context.Options));
    }
}
