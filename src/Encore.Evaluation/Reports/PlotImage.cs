using ScottPlot;

namespace Encore.Evaluation.Reports;

/// <summary>Creates plots in the report's style and renders them to PNG bytes (headless, via SkiaSharp).</summary>
internal static class PlotImage
{
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    public static byte[] Png(Plot plot, ReportOptions options)
    {
        using (plot) return plot.GetImageBytes(options.PlotWidth, options.PlotHeight, ImageFormat.Png);
    }

    /// <summary>Ticks exactly at the given positions with the given labels (cut-offs, categories).</summary>
    public static void ManualTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < positions.Count; i++) ticks.AddMajor(positions[i], labels[i]);
        axis.TickGenerator = ticks;
    }
}
