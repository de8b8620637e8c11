namespace Encore.Evaluation.Protocols;

/// <summary>Per-user values of named metrics (e.g. "ndcg@10"), aligned with <see cref="Users"/>.</summary>
public sealed class MetricTable
{
    private readonly Dictionary<string, double[]> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public MetricTable(int[] users) => Users = users;

    /// <summary>Dense user indices evaluated, one row each.</summary>
    public int[] Users { get; }

    /// <summary>Metric names in the order they were added.</summary>
    public IReadOnlyList<string> Metrics => _order;

    public double[] this[string metric] => _columns[metric];

    public double[] Column(string metric)
    {
        if (!_columns.TryGetValue(metric, out var column))
        {
            column = new double[Users.Length];
            _columns[metric] = column;
            _order.Add(metric);
        }
        return column;
    }

    public double Mean(string metric)
    {
        var column = _columns[metric];
        if (column.Length == 0) return 0;
        double sum = 0;
        foreach (var v in column) sum += v;
        return sum / column.Length;
    }
}
