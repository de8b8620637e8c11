namespace Encore.Models.Hierarchy;

/// <summary>
/// SPEC S4's learned fallback for a served model: where the user rated none of the track's album (nor a sibling
/// track), artist and genres, the score is b0 + b1 z with z = (ALS - <see cref="AlsMean"/>) / <see cref="AlsScale"/>
/// (the flat ALS score standardised by the validation candidates' mean and standard deviation); elsewhere the
/// adaptive score (its rated levels put on one scale by a <see cref="LevelScale"/>). (b0, b1) are grid-searched on the validation lists for the highest six-candidate accuracy
/// (b0 = M + {-40, -35, ..., 40}, b1 in {0, 2.5, 5, 10, 20, 40}), as in <c>evaluate --protocol six-candidate</c>.
/// </summary>
public sealed record FallbackLine(double Intercept, double Slope, double AlsMean, double AlsScale, double ValidationAccuracy)
{
    /// <summary>Fits the line on labelled lists of <paramref name="blockSize"/> candidates, adaptive's evidence branch in <paramref name="levelScale"/>.</summary>
    /// <exception cref="ArgumentException">Columns of different lengths.</exception>
    public static FallbackLine Fit(ReadOnlySpan<PairFeatures> features, ReadOnlySpan<double> als, ReadOnlySpan<bool> labels,
        int blockSize, int liked, double globalMean, LevelScale levelScale)
    {
        ArgumentNullException.ThrowIfNull(levelScale);
        if (features.Length != als.Length || features.Length != labels.Length) throw new ArgumentException("features, ALS scores and labels need the same length.");
        double mean = 0, sq = 0;
        foreach (var a in als) mean += a;
        mean /= Math.Max(1, als.Length);
        foreach (var a in als) sq += (a - mean) * (a - mean);
        var scale = Math.Sqrt(sq / Math.Max(1, als.Length));
        if (!(scale > 1e-12)) scale = 1;
        var best = new FallbackLine(globalMean, 0, mean, scale, double.NegativeInfinity);
        var scores = new double[features.Length];
        for (var offset = -40; offset <= 40; offset += 5)
        {
            foreach (var slope in new[] { 0, 2.5, 5, 10, 20, 40 })
            {
                var line = new FallbackLine(globalMean + offset, slope, mean, scale, 0);
                for (var i = 0; i < scores.Length; i++) scores[i] = line.Score(features[i], als[i], levelScale);
                var acc = ListAccuracy.Compute(scores, labels, blockSize, liked);
                if (acc > best.ValidationAccuracy + 1e-12) best = line with { ValidationAccuracy = acc };
            }
        }
        return best;
    }

    /// <summary>The learned-fallback score of one pair from its features and flat ALS score, adaptive's evidence branch in <paramref name="scale"/>.</summary>
    public double Score(in PairFeatures features, double als, LevelScale scale) =>
        StrategyScorer.Score(HierarchyStrategy.LearnedFallback, features, scale, Intercept + Slope * (als - AlsMean) / AlsScale);
}

/// <summary>Six-candidate accuracy: the top <c>liked</c> scores of each list are predicted liked (stable order on ties); share of candidates right.</summary>
internal static class ListAccuracy
{
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, int blockSize, int liked)
    {
        if (scores.IsEmpty) return 0;
        Span<int> order = stackalloc int[Math.Min(blockSize, 256)];
        if (blockSize > 256) order = new int[blockSize];
        var correct = 0;
        for (var start = 0; start + blockSize <= scores.Length; start += blockSize)
        {
            var block = scores.Slice(start, blockSize);
            for (var i = 0; i < blockSize; i++) order[i] = i;
            for (var i = 1; i < blockSize; i++)
            {
                var current = order[i];
                var j = i - 1;
                while (j >= 0 && block[order[j]] < block[current]) { order[j + 1] = order[j]; j--; }
                order[j + 1] = current;
            }
            for (var r = 0; r < blockSize; r++)
                if (r < liked == labels[start + order[r]]) correct++;
        }
        return (double)correct / scores.Length;
    }
}
