namespace Encore.Evaluation.Protocols.SampledNegatives;

/// <summary>The decision threshold of a scorer: the one that maximises accuracy on labelled validation pairs.</summary>
public static class ThresholdChoice
{
    /// <summary>
    /// The threshold t maximising the share of pairs with (score &gt;= t) == label, searched over the midpoints between
    /// consecutive distinct scores and one value beyond each end (all positive / all negative); the smallest such t on
    /// ties. Scores must be finite.
    /// </summary>
    /// <returns>The threshold and its validation accuracy; (0, 0) for no pairs.</returns>
    /// <exception cref="ArgumentException">The arrays differ in length or a score is not finite.</exception>
    public static (double Threshold, double Accuracy) Best(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length) throw new ArgumentException($"{scores.Length} scores but {labels.Length} labels.", nameof(labels));
        if (scores.IsEmpty) return (0, 0);
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"score {i} is {scores[i]}; thresholds need finite scores.", nameof(scores));
            order[i] = i;
        }
        var values = scores.ToArray();
        Array.Sort(values, order);
        var positives = 0;
        foreach (var l in labels) if (l) positives++;
        // Threshold below every score: everything predicted positive, correct = positives.
        var correct = positives;
        var best = correct;
        var bestThreshold = values[0] - 1;
        for (var i = 0; i < values.Length; i++)
        {
            // Raising the threshold past values[i] turns pair order[i] negative.
            correct += labels[order[i]] ? -1 : 1;
            if (i + 1 < values.Length && values[i + 1] == values[i]) continue;
            if (correct <= best) continue;
            best = correct;
            if (i + 1 == values.Length) bestThreshold = values[i] + 1;
            else
            {
                var middle = (values[i] + values[i + 1]) / 2;
                bestThreshold = middle > values[i] ? middle : values[i + 1];
            }
        }
        return (bestThreshold, (double)best / scores.Length);
    }
}
