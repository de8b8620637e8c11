using System.Text;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Reports;

/// <summary>
/// Writes a self-contained HTML report of experiment runs: leaderboard with intervals, metric@k curves,
/// per-user distributions, training curves, sweep curves, coverage vs accuracy, the six-candidate results summary and run metadata. Plots a
/// run set cannot fill are replaced by a visible note. The same runs give the same bytes.
/// </summary>
public static class HtmlReport
{
    /// <summary>Renders the report and writes it to <paramref name="path"/> (replaced atomically).</summary>
    public static void Write(IReadOnlyList<ExperimentRun> runs, string path, ReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var html = Render(runs, options);
        Encore.Core.Files.AtomicFile.WriteAllText(path, html);
    }

    /// <summary>Renders the report as one HTML string.</summary>
    public static string Render(IReadOnlyList<ExperimentRun> runs, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("A report needs at least one run.", nameof(runs));
        options ??= new ReportOptions();
        options.Validate();
        var context = new ReportContext(runs, options);
        IReadOnlyList<(string, IReadOnlyList<ReportFigure>)> sections =
        [
            ("Metrics at k", MetricAtKFigures.Build(context)),
            ("Per-user distributions", [DistributionFigure.Build(context)]),
            ("Training curves", TrainingCurveFigures.Build(context)),
            ("Hyper-parameter sweeps", SweepFigures.Build(context)),
            ("Coverage vs accuracy", [CoverageAccuracyFigure.Build(context)]),
        ];
        // The S4 section appears only when the report holds six-candidate runs.
        var sixCandidate = SixCandidateFigure.Build(context);
        if (sixCandidate.Count > 0) sections = [.. sections, ("Six-candidate (SPEC S4)", sixCandidate)];
        return HtmlPage.Render(context, sections);
    }
}
