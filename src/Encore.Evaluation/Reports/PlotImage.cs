using ScottPlot;

namespace Encore.Evaluation.Reports;

/// <summary>Creates plots in the report's style and renders them to PNG bytes (headless, via SkiaSharp).</summary>
internal static class PlotImage
{
    // ScottPlot's default (and its Fonts.Sans) resolve to a serif face on Debian; prefer a sans face that is there.
    private static readonly Lazy<string> SansFont = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial" }.FirstOrDefault(f => Fonts.GetTypeface(f, bold: false, italic: false)?.FamilyName == f) ?? Fonts.Default);

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont.Value);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    public static byte[] Png(Plot plot, ReportOptions options)
    {
        using (plot) return plot.GetImageBytes(options.PlotWidth, options.PlotHeight, ImageFormat.Png);
    }

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The colour of a compared run, the same in every plot; grey for other runs.</summary>
    public static Color ColorOf(ReportRun run) => run.ColorIndex < 0 ? Colors.Gray : Palette.GetColor(run.ColorIndex);

    /// <summary>Ticks exactly at the given positions with the given labels (cut-offs, categories).</summary>
    public static void ManualTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < positions.Count; i++) ticks.AddMajor(positions[i], labels[i]);
        axis.TickGenerator = ticks;
    }
}
