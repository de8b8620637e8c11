namespace Encore.Evaluation.Reports;

/// <summary>One figure of the page: a rendered plot, or a note saying why the runs could not fill it.</summary>
internal sealed record ReportFigure(string Id, string Title, string Caption, string Alt, byte[]? Png, string? SkipNote)
{
    public static ReportFigure Plot(string id, string title, string caption, string alt, byte[] png) =>
        new(id, title, caption, alt, png, null);

    public static ReportFigure Skipped(string id, string title, string note) =>
        new(id, title, "", "", null, note);
}
