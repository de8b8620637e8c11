using System.Globalization;
using System.Text;
using Encore.Evaluation.Protocols.SampledNegatives;

namespace Encore.Cli.Output;

/// <summary>The sampled-negatives protocol's Markdown table: one row per scorer, the random 1:1 baseline first.</summary>
internal static class SampledNegativeTable
{
    public static string Format(IReadOnlyList<SampledNegativeResult> results, string title)
    {
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine();
        text.AppendLine("| model | threshold (validation) | validation accuracy | accuracy [95% CI] | ROC AUC [95% CI] | test pairs | fit s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var q = r.Report;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Model} | {r.Threshold:G4} | {r.ValidationAccuracy:F4} | {q.Accuracy:F4} [{q.AccuracyLow:F4}, {q.AccuracyHigh:F4}] | {q.RocAuc:F4} [{q.RocAucLow:F4}, {q.RocAucHigh:F4}] | {q.Rows:N0} | {r.FitSeconds:F2} |");
        }
        text.AppendLine().Append("accuracy: Wilson interval; ROC AUC: Mann-Whitney with the Hanley-McNeil interval; positives and negatives 1:1, so a random scorer expects 0.5 on both.");
        return text.ToString();
    }
}
