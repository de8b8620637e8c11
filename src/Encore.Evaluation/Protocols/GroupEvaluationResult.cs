namespace Encore.Evaluation.Protocols;

/// <summary>
/// One evaluated group: its members, the size of the union relevant set, and per k (aligned with
/// <see cref="GroupEvaluationResult.Ks"/>) the group precision and the lowest member's own precision.
/// </summary>
public sealed record GroupOutcome(int[] Members, int RelevantCount, double[] Precision, double[] MinMemberPrecision)
{
    /// <value>Index g of the group's seeded draw (0-based, counting excluded empty groups): the pairing key between strategies.</value>
    public int Ordinal { get; init; }
}

/// <summary>Outcome of <see cref="GroupEvaluator.Evaluate"/>; groups with an empty relevant set are only counted.</summary>
public sealed record GroupEvaluationResult(IReadOnlyList<int> Ks, IReadOnlyList<GroupOutcome> Groups, int ExcludedEmptyGroups)
{
    /// <summary>Mean group Precision@k over evaluated groups (0 when none).</summary>
    public double Mean(int k) => MeanOf(Column(k, g => g.Precision));

    /// <summary>Sample standard deviation (n - 1) of group Precision@k; 0 for fewer than two groups.</summary>
    public double StandardDeviation(int k)
    {
        var values = Column(k, g => g.Precision);
        if (values.Length < 2) return 0;
        var mean = MeanOf(values);
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / (values.Length - 1));
    }

    /// <summary>Mean over groups of the least-served member's own Precision@k (the fairness view).</summary>
    public double MeanMinMemberPrecision(int k) => MeanOf(Column(k, g => g.MinMemberPrecision));

    /// <summary>Group Precision@k of every evaluated group, in the order of <see cref="Groups"/>.</summary>
    public double[] PrecisionsAt(int k) => Column(k, g => g.Precision);

    private double[] Column(int k, Func<GroupOutcome, double[]> pick)
    {
        var index = -1;
        for (var i = 0; i < Ks.Count; i++)
            if (Ks[i] == k) index = i;
        if (index < 0) throw new ArgumentException($"k = {k} was not evaluated (evaluated: {string.Join(", ", Ks)}).", nameof(k));
        var values = new double[Groups.Count];
        for (var g = 0; g < values.Length; g++) values[g] = pick(Groups[g])[index];
        return values;
    }

    private static double MeanOf(double[] values)
    {
        if (values.Length == 0) return 0;
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }
}
