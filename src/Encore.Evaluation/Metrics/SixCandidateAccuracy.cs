namespace Encore.Evaluation.Metrics;

/// <summary>
/// SPEC S4 accuracy: candidates come in consecutive blocks per user (default 6); in each block the
/// <c>liked</c> highest scores (default 3) are predicted liked, the rest not; accuracy is the share of all
/// candidates whose prediction matches the label. Equal scores keep the earlier candidate (stable order).
/// </summary>
public static class SixCandidateAccuracy
{
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, int perUser = 6, int liked = 3)
    {
        ClassificationMetrics.CheckAligned(scores.Length, labels.Length);
        if (perUser <= 0 || liked < 0 || liked > perUser)
            throw new ArgumentException($"Need 0 <= liked ({liked}) <= perUser ({perUser}) and perUser > 0.");
        if (scores.Length % perUser != 0)
            throw new ArgumentException($"{scores.Length} candidates is not a whole number of blocks of {perUser}.");
        if (scores.IsEmpty) return 0;
        Span<int> order = perUser <= 64 ? stackalloc int[perUser] : new int[perUser];
        var correct = 0;
        for (var start = 0; start < scores.Length; start += perUser)
        {
            var block = scores.Slice(start, perUser);
            for (var i = 0; i < perUser; i++) order[i] = i;
            // Insertion sort, descending by score, stable: blocks are tiny.
            for (var i = 1; i < perUser; i++)
            {
                var current = order[i];
                var j = i - 1;
                while (j >= 0 && block[order[j]] < block[current]) { order[j + 1] = order[j]; j--; }
                order[j + 1] = current;
            }
            for (var r = 0; r < perUser; r++)
                if (r < liked == labels[start + order[r]]) correct++;
        }
        return (double)correct / scores.Length;
    }
}
