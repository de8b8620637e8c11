namespace Encore.Cli.Commands;

/// <summary>
/// What a <c>--settings</c> file (written by <c>encore tune</c>) gave the models of a <c>train</c> or <c>evaluate</c>:
/// a model without a section in it runs with its defaults, which the command used to do without a word
/// (<c>encore train ium23 --model ease --settings tuned-als.ini</c> trained a default EASE).
/// </summary>
internal static class SettingsFileNote
{
    /// <summary>
    /// One line for stderr: <c>note: FILE has no [ease] section (it has [als]); ease runs with its defaults.</c> for the
    /// <paramref name="models"/> without a section in <paramref name="sections"/>, or null when every model has one.
    /// </summary>
    public static string? Missing(string file, IReadOnlyDictionary<string, Dictionary<string, string>> sections, IEnumerable<string> models)
    {
        var missing = models.Where(m => !sections.ContainsKey(m)).ToList();
        if (missing.Count == 0) return null;
        var present = sections.Keys.Where(k => k is not ("data" or "protocol")).Order(StringComparer.Ordinal).ToList();
        var has = present.Count == 0 ? "no model section" : string.Join(", ", present.Select(p => $"[{p}]"));
        var names = string.Join(", ", missing);
        return $"note: {file} has no {string.Join(" or ", missing.Select(m => $"[{m}]"))} section (it has {has}); {names} {(missing.Count == 1 ? "runs" : "run")} with {(missing.Count == 1 ? "its" : "their")} defaults.";
    }

    /// <summary>The line naming what <paramref name="file"/> set for <paramref name="model"/>: <c>settings from FILE [als]: factors=192 ...</c>.</summary>
    public static string Applied(string file, string model, IReadOnlyDictionary<string, string> section) =>
        $"settings from {file} [{model}]: {string.Join(" ", section.Select(kv => $"{kv.Key}={kv.Value}"))}";
}
