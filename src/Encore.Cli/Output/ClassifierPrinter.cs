using System.Globalization;
using Encore.Evaluation.Content;

namespace Encore.Cli.Output;

/// <summary>Formats held-out classifier quality with its 95% intervals.</summary>
internal static class ClassifierPrinter
{
    public static string Line(ClassifierReport r) => string.Create(CultureInfo.InvariantCulture,
        $"held-out {r.Rows:N0} rows ({r.Positives:N0} positive): accuracy {r.Accuracy:F3} [{r.AccuracyLow:F3}, {r.AccuracyHigh:F3}], ROC AUC {r.RocAuc:F3} [{r.RocAucLow:F3}, {r.RocAucHigh:F3}]");
}
