namespace Encore.Models.Hierarchy;

/// <summary>
/// Per-block score transforms for candidate lists stored as consecutive blocks (one block per user):
/// z-scores and ranks within each block, so scores of different models become comparable before they are
/// blended or stacked. NaN scores count as the block's lowest.
/// </summary>
public static class BlockScores
{
    /// <summary>(s - block mean) / block standard deviation; 0 for a constant block.</summary>
    public static double[] ZScores(ReadOnlySpan<double> scores, int blockSize)
    {
        Check(scores.Length, blockSize);
        var result = new double[scores.Length];
        for (var start = 0; start < scores.Length; start += blockSize)
        {
            var block = scores.Slice(start, blockSize);
            var low = double.PositiveInfinity;
            foreach (var s in block) if (!double.IsNaN(s)) low = Math.Min(low, s);
            if (double.IsPositiveInfinity(low)) low = 0;
            double sum = 0, sumSq = 0;
            foreach (var raw in block) { var s = double.IsNaN(raw) ? low : raw; sum += s; sumSq += s * s; }
            var mean = sum / blockSize;
            var sd = Math.Sqrt(Math.Max(0, sumSq / blockSize - mean * mean));
            for (var i = 0; i < blockSize; i++)
            {
                var s = double.IsNaN(block[i]) ? low : block[i];
                result[start + i] = sd > 1e-12 ? (s - mean) / sd : 0;
            }
        }
        return result;
    }

    /// <summary>Rank within the block, 0 = lowest, ties share their mean rank.</summary>
    public static double[] Ranks(ReadOnlySpan<double> scores, int blockSize)
    {
        Check(scores.Length, blockSize);
        var result = new double[scores.Length];
        for (var start = 0; start < scores.Length; start += blockSize)
        {
            for (var i = 0; i < blockSize; i++)
            {
                var si = Value(scores[start + i]);
                double below = 0, equal = 0;
                for (var j = 0; j < blockSize; j++)
                {
                    var sj = Value(scores[start + j]);
                    if (sj < si) below++;
                    else if (sj == si && j != i) equal++;
                }
                result[start + i] = below + equal / 2;
            }
        }
        return result;
    }

    private static double Value(double s) => double.IsNaN(s) ? double.NegativeInfinity : s;

    private static void Check(int length, int blockSize)
    {
        if (blockSize <= 0 || length % blockSize != 0)
            throw new ArgumentException($"{length} scores is not a whole number of blocks of {blockSize}.");
    }
}
