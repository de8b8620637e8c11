using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Runs;

/// <summary>
/// Paired comparison of two stored runs on one metric over the users both evaluated (per-user values
/// aligned by user index). Only runs on the same dataset and protocol label share user indices.
/// Differences are b - a.
/// </summary>
public static class RunComparison
{
    public static PairedComparisonResult Compare(ExperimentRun a, ExperimentRun b, string metric, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.DatasetHash != b.DatasetHash || a.Protocol != b.Protocol)
            throw new ArgumentException($"runs {a.Id} and {b.Id} were evaluated on {Difference(a, b)}; a paired test needs the same users.");
        var valuesA = Column(a, metric);
        var valuesB = Column(b, metric);
        var rowOfB = new Dictionary<int, int>(b.Users.Length);
        for (var i = 0; i < b.Users.Length; i++) rowOfB[b.Users[i]] = i;
        var pairedA = new List<double>();
        var pairedB = new List<double>();
        for (var i = 0; i < a.Users.Length; i++)
        {
            if (!rowOfB.TryGetValue(a.Users[i], out var j)) continue;
            pairedA.Add(valuesA[i]);
            pairedB.Add(valuesB[j]);
        }
        if (pairedA.Count == 0) throw new ArgumentException($"runs {a.Id} and {b.Id} have no evaluated user in common.");
        return PairedComparison.Compare([.. pairedA], [.. pairedB], seed);
    }

    // What differs, the data first: two runs on piki and IUM under one protocol were told "different data or protocols"
    // beside two identical protocol labels (s16-user).
    private static string Difference(ExperimentRun a, ExperimentRun b) =>
        a.DatasetHash != b.DatasetHash
            ? $"different data ('{a.Dataset}', content hash {Short(a.DatasetHash)}, vs '{b.Dataset}', content hash {Short(b.DatasetHash)})"
            : $"different protocols ('{a.Protocol}' vs '{b.Protocol}')";

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] : hash;

    private static double[] Column(ExperimentRun run, string metric) =>
        run.PerUser.TryGetValue(metric, out var values)
            ? values
            : throw new ArgumentException($"run {run.Id} has no per-user values of '{metric}'" +
                (run.PerUser.Count == 0 ? " (it has none: group runs and summaries carry means only)." : $"; it has {string.Join(", ", run.PerUser.Keys)}."));
}
