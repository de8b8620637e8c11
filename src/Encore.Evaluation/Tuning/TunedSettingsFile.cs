using System.Globalization;
using System.Text;
using Encore.Core.Errors;

namespace Encore.Evaluation.Tuning;

/// <summary>
/// The tuned settings as a small text file that <c>encore train</c>, <c>evaluate</c>, <c>sweep</c> and <c>tune</c> accept
/// (<c>--settings tuned.ini</c>): one <c>[model]</c> section per model (or <c>[data]</c> / <c>[protocol]</c>) with
/// <c>key = value</c> lines, '#' comments. Each section's keys are the catalogue's (<c>encore train --help</c>).
/// </summary>
public static class TunedSettingsFile
{
    /// <summary>Writes the sections (atomically: a temporary file, then a rename) with <paramref name="comments"/> on top.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sections, IEnumerable<string> comments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(sections);
        var text = new StringBuilder();
        foreach (var line in comments ?? []) text.Append("# ").AppendLine(line);
        foreach (var (section, settings) in sections)
        {
            text.AppendLine().Append('[').Append(section).AppendLine("]");
            foreach (var (key, value) in settings) text.Append(key).Append(" = ").AppendLine(value);
        }
        Encore.Core.Files.AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a settings file into sections of key = value (keys case-insensitive; a later key wins).</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="DataFormatException">A line that is neither a section, a setting nor a comment (file and line named).</exception>
    public static Dictionary<string, Dictionary<string, string>> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: settings file not found (write one with encore tune -o).", path);
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, string>? current = null;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                    throw new DataFormatException(path, number, "section", $"expected [model] (e.g. [als]), got '{line}'");
                var name = line[1..^1].Trim();
                if (!result.TryGetValue(name, out current)) result[name] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new DataFormatException(path, number, "setting", $"expected key = value, got '{line}'");
            if (current is null) throw new DataFormatException(path, number, "section", $"'{line[..eq].Trim()}' comes before any [model] section");
            current[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>The sections as <c>section.key=value</c> terms, the form <c>--set</c> takes.</summary>
    public static IEnumerable<string> AsTerms(Dictionary<string, Dictionary<string, string>> sections) =>
        sections.SelectMany(s => s.Value.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{s.Key}.{kv.Key}={kv.Value}")));
}
