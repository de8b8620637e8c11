namespace Encore.Evaluation.Reports;

/// <summary>What an HTML report shows and how large its plots are.</summary>
public sealed record ReportOptions
{
    /// <summary>Page title. <value>Default "Encore experiment report".</value></summary>
    public string Title { get; init; } = "Encore experiment report";

    /// <summary>Metric that ranks the leaderboard, picks the best run of a sweep, is plotted per user and
    /// against sweep parameters. <value>Default "ndcg@10".</value></summary>
    public string PrimaryMetric { get; init; } = "ndcg@10";

    /// <summary>Metric on the x axis of the coverage vs accuracy scatter. <value>Default "coverage@10".</value></summary>
    public string CoverageMetric { get; init; } = "coverage@10";

    /// <summary>Plot width in pixels. <value>Default 760.</value></summary>
    public int PlotWidth { get; init; } = 760;

    /// <summary>Plot height in pixels. <value>Default 400.</value></summary>
    public int PlotHeight { get; init; } = 400;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(PrimaryMetric)) throw new ArgumentException("PrimaryMetric must name a metric, e.g. \"ndcg@10\".", nameof(PrimaryMetric));
        if (string.IsNullOrWhiteSpace(CoverageMetric)) throw new ArgumentException("CoverageMetric must name a metric, e.g. \"coverage@10\".", nameof(CoverageMetric));
        if (PlotWidth is < 200 or > 4000) throw new ArgumentException($"PlotWidth must be within 200..4000 pixels, got {PlotWidth}.", nameof(PlotWidth));
        if (PlotHeight is < 150 or > 4000) throw new ArgumentException($"PlotHeight must be within 150..4000 pixels, got {PlotHeight}.", nameof(PlotHeight));
    }
}
