using System.Globalization;

namespace Encore.Evaluation.Reports;

/// <summary>A metric name split at its cut-off: "ndcg@10" is ("ndcg", 10); "auc" is ("auc", null).</summary>
internal readonly record struct MetricKey(string Key, string Name, int? K) : IComparable<MetricKey>
{
    public static MetricKey Parse(string key)
    {
        var at = key.LastIndexOf('@');
        if (at > 0 && int.TryParse(key.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k))
            return new MetricKey(key, key[..at], k);
        return new MetricKey(key, key, null);
    }

    /// <summary>By name, then cut-off ascending (10 before 100), metrics without a cut-off first.</summary>
    public int CompareTo(MetricKey other)
    {
        var byName = string.CompareOrdinal(Name, other.Name);
        if (byName != 0) return byName;
        var byK = Nullable.Compare(K, other.K);
        return byK != 0 ? byK : string.CompareOrdinal(Key, other.Key);
    }

    /// <summary>Every metric key that appears in the runs' means, in <see cref="CompareTo"/> order.</summary>
    public static List<MetricKey> AllIn(IEnumerable<ReportRun> runs)
    {
        var keys = new SortedSet<MetricKey>();
        foreach (var run in runs)
            foreach (var key in run.Run.Means.Keys) keys.Add(Parse(key));
        return [.. keys];
    }
}
