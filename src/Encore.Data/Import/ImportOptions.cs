namespace Encore.Data.Import;

/// <summary>Options common to every importer, plus free-form settings a format may read (column mappings...).</summary>
public sealed record ImportOptions
{
    public ErrorMode Mode { get; init; } = ErrorMode.Lenient;

    /// <summary>Longest accepted line in bytes; longer lines are reported as malformed (binary file, wrong delimiter).</summary>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Format-specific settings, e.g. <c>user=uid</c>, <c>item=song</c>, <c>delimiter=;</c> for generic tables.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? Setting(string name) => Settings.TryGetValue(name, out var v) ? v : null;
}
