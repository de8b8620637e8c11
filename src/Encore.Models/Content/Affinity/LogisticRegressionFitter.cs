using Microsoft.ML;
using Microsoft.ML.Data;

namespace Encore.Models.Content.Affinity;

/// <summary>
/// Binary logistic regression by ML.NET's L-BFGS trainer (<c>LbfgsLogisticRegression</c>), returned as
/// plain weights and bias so Encore's model file stores them and scoring never touches ML.NET:
/// P(y = 1 | x) = 1 / (1 + exp(-(w·x + b))). ML.NET types stay inside this class.
/// </summary>
internal static class LogisticRegressionFitter
{
    public static (float[] Weights, float Bias) Fit(float[] rows, bool[] labels, int width, double l2, int maxIterations, ulong seed)
    {
        var ml = new MLContext(seed: (int)(seed % int.MaxValue));
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = ml.Data.LoadFromEnumerable(Rows(rows, labels, width), schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(LabelledRow.Label),
            FeatureColumnName = nameof(LabelledRow.Features),
            L2Regularization = (float)l2,
            L1Regularization = 0,
            MaximumNumberOfIterations = maxIterations,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data).Model.SubModel;
        var weights = new float[width];
        for (var j = 0; j < width; j++) weights[j] = model.Weights[j];
        return (weights, model.Bias);
    }

    private static IEnumerable<LabelledRow> Rows(float[] rows, bool[] labels, int width)
    {
        for (var i = 0; i < labels.Length; i++)
            yield return new LabelledRow { Features = rows.AsSpan(i * width, width).ToArray(), Label = labels[i] };
    }

    private sealed class LabelledRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
