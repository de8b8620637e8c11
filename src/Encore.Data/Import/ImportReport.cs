using Encore.Core.Errors;

namespace Encore.Data.Import;

/// <summary>
/// What an import did: rows read per file, rows removed per cleaning rule, faults (bad rows) per rule with
/// the first examples, and warnings. In strict mode <see cref="Fault"/> throws instead of counting.
/// </summary>
public sealed class ImportReport
{
    private const int MaxExamples = 5;
    private readonly Dictionary<string, long> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _removed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private readonly List<string> _warnings = [];

    public ImportReport(ErrorMode mode = ErrorMode.Lenient) => Mode = mode;

    public ErrorMode Mode { get; }

    /// <summary>Bad rows per rule (malformed line, null user, unknown track...).</summary>
    public IReadOnlyDictionary<string, long> Faults => _faults;

    /// <summary>Rows removed by cleaning rules that are not faults (duplicates, events without a track...).</summary>
    public IReadOnlyDictionary<string, long> Removed => _removed;

    /// <summary>Informative counters (rows read per file, events per kind...).</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>The first few fault messages, each naming file, line and field.</summary>
    public IReadOnlyList<string> Examples => _examples;

    public IReadOnlyList<string> Warnings => _warnings;

    public long TotalFaults => _faults.Values.Sum();

    /// <summary>A bad row: throws in strict mode; otherwise counts it under <paramref name="rule"/> and keeps an example.</summary>
    public void Fault(string rule, DataFormatException error)
    {
        if (Mode == ErrorMode.Strict) throw error;
        _faults[rule] = _faults.GetValueOrDefault(rule) + 1;
        if (_examples.Count < MaxExamples * 4 && _examples.Count(e => e.StartsWith(rule, StringComparison.Ordinal)) < MaxExamples)
            _examples.Add($"{rule}: {error.Message}");
    }

    /// <summary>A row removed by a cleaning rule that is expected in valid data (never throws).</summary>
    public void Remove(string rule, long count = 1) => _removed[rule] = _removed.GetValueOrDefault(rule) + count;

    public void Count(string key, long count = 1) => _counts[key] = _counts.GetValueOrDefault(key) + count;

    public void Warn(string message)
    {
        if (_warnings.Count < 100) _warnings.Add(message);
    }
}
