namespace Encore.Evaluation.Statistics;

/// <summary>1-based ranks of values in ascending order; tied values share the mean of their ranks.</summary>
internal static class AverageRanks
{
    /// <summary>Writes the rank of values[i] to ranks[i] and returns sum(t^3 - t) over tie groups of size t.</summary>
    public static double Compute(ReadOnlySpan<double> values, Span<double> ranks)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = values.ToArray();
        Array.Sort(keys, order);
        double tieTerm = 0;
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
            var rank = (start + 1 + end) / 2.0;
            for (var p = start; p < end; p++) ranks[order[p]] = rank;
            double t = end - start;
            tieTerm += t * t * t - t;
            start = end;
        }
        return tieTerm;
    }
}
