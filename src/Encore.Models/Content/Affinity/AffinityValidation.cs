namespace Encore.Models.Content.Affinity;

/// <summary>
/// The held-out rows of an affinity fit: predicted probability and true label of each, kept with the model
/// so any tool can compute accuracy and ROC AUC (Encore.Evaluation's ClassificationMetrics does).
/// </summary>
public sealed class AffinityValidation
{
    public AffinityValidation(float[] probabilities, bool[] labels, int trainRows)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Length != labels.Length) throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Length} labels.", nameof(labels));
        Probabilities = probabilities;
        Labels = labels;
        TrainRows = trainRows;
    }

    /// <summary>P(label = 1) of each held-out row, in [0, 1].</summary>
    public float[] Probabilities { get; }

    public bool[] Labels { get; }

    /// <summary>Rows the regression was trained on.</summary>
    public int TrainRows { get; }

    public int Positives => Labels.Count(l => l);

    public int Negatives => Labels.Length - Positives;
}
