using System.Globalization;
using ScottPlot;

namespace Encore.Evaluation.Reports;

/// <summary>
/// Hyper-parameter sweep curves: for each sweep (runs sharing a SweepId) and each parameter whose value
/// varies across its runs, the primary metric of every run against that parameter (with its interval)
/// and a line through the best run at each value. Values spanning two or more orders of magnitude are
/// placed on a log scale.
/// </summary>
internal static class SweepFigures
{
    public static List<ReportFigure> Build(ReportContext context)
    {
        var metric = context.Options.PrimaryMetric;
        if (context.Sweeps.Count == 0)
            return [ReportFigure.Skipped("sweep", "Sweeps", "Skipped: no runs share a sweep id, so there is no sweep to plot.")];
        var figures = new List<ReportFigure>();
        foreach (var (sweepId, runs) in context.Sweeps)
        {
            var scored = runs.Where(r => r.Has(metric)).ToList();
            var varied = VariedParameters(scored);
            if (scored.Count < 2 || varied.Count == 0)
            {
                figures.Add(ReportFigure.Skipped($"sweep-{sweepId}", $"Sweep {sweepId}",
                    $"Skipped: sweep {sweepId} needs two or more runs with {metric} that differ in a parameter."));
                continue;
            }
            foreach (var parameter in varied) figures.Add(Figure(context, sweepId, parameter, scored));
        }
        return figures;
    }

    private static List<string> VariedParameters(List<ReportRun> runs) =>
        runs.SelectMany(r => r.Run.Parameters.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(p => runs.Select(r => r.Run.Parameters.GetValueOrDefault(p, "")).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToList();

    private static ReportFigure Figure(ReportContext context, string sweepId, string parameter, List<ReportRun> runs)
    {
        var metric = context.Options.PrimaryMetric;
        var axis = SweepAxis.For(runs.Select(r => r.Run.Parameters.GetValueOrDefault(parameter, "")).ToList());
        var plot = PlotImage.Create($"sweep {sweepId}: {metric} vs {parameter}", axis.Label(parameter), metric);
        var xs = runs.Select(r => axis.Position(r.Run.Parameters.GetValueOrDefault(parameter, ""))).ToArray();
        var ys = runs.Select(r => r.Mean(metric)).ToArray();

        if (runs.All(r => r.Run.Intervals.ContainsKey(metric)))
        {
            var below = runs.Select(r => Math.Max(0, r.Mean(metric) - r.Run.Intervals[metric].Low)).ToArray();
            var above = runs.Select(r => Math.Max(0, r.Run.Intervals[metric].High - r.Mean(metric))).ToArray();
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, xErrorsPositive: null, xErrorsNegative: null, yErrorsPositive: above, yErrorsNegative: below) { Color = Colors.Gray });
        }
        var best = xs.Zip(ys).GroupBy(p => p.First).OrderBy(g => g.Key).Select(g => (X: g.Key, Y: g.Max(p => p.Second))).ToList();
        var line = plot.Add.ScatterLine(best.Select(b => b.X).ToArray(), best.Select(b => b.Y).ToArray());
        line.LegendText = "best run at each value";
        var points = plot.Add.ScatterPoints(xs, ys);
        points.LegendText = $"runs ({runs.Count})";
        points.MarkerSize = 8;
        PlotImage.ManualTicks(plot.Axes.Bottom, axis.TickPositions, axis.TickLabels);
        plot.ShowLegend(Alignment.LowerRight);
        return ReportFigure.Plot($"sweep-{sweepId}-{parameter}", $"Sweep {sweepId}: {metric} vs {parameter}",
            $"Each point is one run of sweep {sweepId} ({runs[0].Run.Model}); bars show its 95% interval where recorded; the line joins the best run at each value of {parameter}.",
            $"Scatter of {metric} against {parameter} for {runs.Count} runs of sweep {sweepId}.",
            PlotImage.Png(plot, context.Options));
    }
}

/// <summary>Where parameter values go on the x axis: numeric (log10 when spanning 100x), or categories in ordinal order.</summary>
internal sealed class SweepAxis
{
    private readonly Dictionary<string, double> _positions;
    private readonly bool _log;

    public IReadOnlyList<double> TickPositions { get; }
    public IReadOnlyList<string> TickLabels { get; }

    private SweepAxis(Dictionary<string, double> positions, bool log)
    {
        _positions = positions;
        _log = log;
        var ordered = positions.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .DistinctBy(p => p.Value).ToList();
        TickPositions = ordered.Select(p => p.Value).ToList();
        TickLabels = ordered.Select(p => p.Key).ToList();
    }

    public static SweepAxis For(IReadOnlyList<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var value in distinct)
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                numbers[value] = number;
        if (numbers.Count < distinct.Count)
            return new SweepAxis(distinct.Select((v, i) => (v, (double)i)).ToDictionary(p => p.v, p => p.Item2, StringComparer.Ordinal), log: false);
        var log = numbers.Values.All(v => v > 0) && numbers.Values.Max() / numbers.Values.Min() >= 100;
        return new SweepAxis(log ? numbers.ToDictionary(p => p.Key, p => Math.Log10(p.Value), StringComparer.Ordinal) : numbers, log);
    }

    public double Position(string value) => _positions[value];

    public string Label(string parameter) => _log ? $"{parameter} (log scale)" : parameter;
}
