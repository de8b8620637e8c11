using Encore.Models.Content.Affinity;
using Encore.Models.Contract;

namespace Encore.Evaluation.Content;

/// <summary>One line of <see cref="PatternCheck"/>: the vectors used and the held-out classifier quality.</summary>
public sealed record PatternCheckRow(string Vectors, int Dimension, double ExplainedVariance, ClassifierReport Report);

/// <summary>
/// SPEC S3's "does a pattern exist": the affinity classifier trained on the full content vectors and on
/// their PCA reduction with the same seed, rows and hold-out. Held-out accuracy and ROC AUC well above
/// 0.5 mean the content predicts what users listen to; the gap shows what the reduction costs.
/// </summary>
public static class PatternCheck
{
    /// <exception cref="Core.Errors.ModelFitException">Too few rows or a single class (see <see cref="AffinityTrainer"/>).</exception>
    public static IReadOnlyList<PatternCheckRow> Run(TrainingData data, AffinityOptions options, int components, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var full = (AffinityModel)new AffinityTrainer(options with { Components = 0 }).Fit(data, null, ct);
        var rows = new List<PatternCheckRow> { Row("full", full) };
        if (components > 0 && components < full.Transform.OutputDimension)
        {
            var reduced = (AffinityModel)new AffinityTrainer(options with { Components = components }).Fit(data, null, ct);
            rows.Add(Row($"pca-{components}", reduced));
        }
        return rows;
    }

    private static PatternCheckRow Row(string name, AffinityModel model) =>
        new(name, model.Transform.OutputDimension, model.Transform.ExplainedVariance, ClassifierReport.From(model.Validation));
}
