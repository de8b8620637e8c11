using System.Globalization;

namespace Encore.Online.Dashboard;

/// <summary>Orders metric keys by name, then cut-off (ndcg@5 before ndcg@10, keys without "@k" first).</summary>
internal static class MetricOrder
{
    public static string Name(string key)
    {
        var at = key.LastIndexOf('@');
        return at > 0 && Cutoff(key) >= 0 ? key[..at] : key;
    }

    public static int Cutoff(string key)
    {
        var at = key.LastIndexOf('@');
        return at > 0 && int.TryParse(key.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : -1;
    }
}
