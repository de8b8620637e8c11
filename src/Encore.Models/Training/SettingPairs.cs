namespace Encore.Models.Training;

/// <summary>Model settings as typed on a command line (<c>--set key=value</c>). A class of its own so that a trimmed
/// (Native AOT) host can parse settings without touching <see cref="TrainerCatalog"/>, whose entries root every model.</summary>
public static class SettingPairs
{
    /// <summary>Parses "key=value" strings into a case-insensitive dictionary (the last value of a repeated key wins);
    /// key and value are trimmed.</summary>
    /// <exception cref="ArgumentException">A string without '=' or with an empty key.</exception>
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"a setting must be key=value, got '{pair}'.");
            result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return result;
    }
}
