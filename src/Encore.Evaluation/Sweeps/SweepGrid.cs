using Encore.Core.Randomness;

namespace Encore.Evaluation.Sweeps;

/// <summary>
/// A hyper-parameter grid: each key with its candidate values, in the order given. Settings are the
/// cartesian product (the last key varies fastest), or a seeded random subset of it.
/// </summary>
public sealed class SweepGrid
{
    private readonly List<(string Key, string[] Values)> _axes;

    private SweepGrid(List<(string Key, string[] Values)> axes) => _axes = axes;

    public IReadOnlyList<(string Key, string[] Values)> Axes => _axes;

    public long Size => _axes.Aggregate(1L, (n, axis) => n * axis.Values.Length);

    /// <summary>Parses "key=v1,v2,..." terms, e.g. ["factors=32,64", "regularization=0.01,0.1"].</summary>
    public static SweepGrid Parse(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var axes = new List<(string, string[])>();
        foreach (var term in terms)
        {
            var eq = term.IndexOf('=', StringComparison.Ordinal);
            var values = eq < 0 ? [] : term[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (eq <= 0 || values.Length == 0) throw new ArgumentException($"a grid term must be key=value[,value...], got '{term}'.");
            var key = term[..eq].Trim();
            if (axes.Exists(a => string.Equals(a.Item1, key, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"grid key '{key}' is given twice; list all its values in one term (key=a,b,c).");
            axes.Add((key, values.Distinct(StringComparer.Ordinal).ToArray()));
        }
        if (axes.Count == 0) throw new ArgumentException("the grid is empty; give at least one key=value[,value...] term.");
        return new SweepGrid(axes);
    }

    /// <summary>Every setting of the grid, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> All()
    {
        var result = new List<IReadOnlyDictionary<string, string>>();
        for (long index = 0; index < Size; index++) result.Add(At(index));
        return result;
    }

    /// <summary><paramref name="count"/> distinct settings drawn uniformly with <paramref name="seed"/> (all of them when the grid is smaller).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Sample(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (count >= Size) return All();
        var rng = new Rng(seed);
        var chosen = new HashSet<long>();
        var result = new List<IReadOnlyDictionary<string, string>>(count);
        while (result.Count < count)
        {
            var index = (long)(rng.NextDouble() * Size);
            if (chosen.Add(index)) result.Add(At(index));
        }
        return result;
    }

    private Dictionary<string, string> At(long index)
    {
        var setting = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var a = _axes.Count - 1; a >= 0; a--)
        {
            var (key, values) = _axes[a];
            setting[key] = values[index % values.Length];
            index /= values.Length;
        }
        // Keep the keys in grid order for display.
        return _axes.ToDictionary(a => a.Key, a => setting[a.Key], StringComparer.OrdinalIgnoreCase);
    }
}
