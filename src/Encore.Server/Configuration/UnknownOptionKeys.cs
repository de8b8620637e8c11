using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Encore.Server.Configuration;

/// <summary>
/// Finds configuration keys that name no option of <see cref="EncoreServerOptions"/>: a typo such as
/// <c>max_kk = 5</c> in the TOML file or <c>ENCORE_SERVING__MAX_KK</c> would otherwise be ignored silently and the
/// server would run with the default. Keys are matched as the binder matches them (case-insensitive, underscores
/// already dropped by the sources); list entries take integer indices, dictionaries any key. The hosting sections
/// ASP.NET reads itself (<c>Logging</c>, <c>Kestrel</c>, <c>AllowedHosts</c>, <c>Urls</c>) and retired options
/// that are accepted and ignored (<c>serving.reduced_precision</c>, docs/service.md) are not reported.
/// </summary>
internal static class UnknownOptionKeys
{
    private static readonly HashSet<string> HostSections = new(["Logging", "Kestrel", "AllowedHosts", "Urls", "ContentRoot", "Environment", "ApplicationName"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Retired = new(["Serving:ReducedPrecision"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// One message per unknown key of <paramref name="provider"/>, each naming <paramref name="source"/>, the key in
    /// the file's dotted snake_case form and, when one is close, the option that was probably meant.
    /// </summary>
    /// <param name="provider">The loaded source to check (one provider, so the message can name its origin).</param>
    /// <param name="source">What to call the origin in messages: the file path, "command line", ...</param>
    /// <param name="sectionsOnly">
    /// Only keys under a section (<c>ENCORE_SERVING__MAX_K</c>): single-level <c>ENCORE_*</c> variables such as
    /// <c>ENCORE_DEBUG</c> or <c>ENCORE_STORE</c> belong to the command line tool, not to the server's options.
    /// </param>
    public static IEnumerable<string> Find(IConfigurationProvider provider, string source, bool sectionsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var problems = new List<string>();
        Walk(provider, null, typeof(EncoreServerOptions), "", source, sectionsOnly, problems);
        return problems;
    }

    private static void Walk(IConfigurationProvider provider, string? parent, Type type, string dotted, string source, bool sectionsOnly, List<string> problems)
    {
        foreach (var key in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var path = parent is null ? key : ConfigurationPath.Combine(parent, key);
            if (parent is null && HostSections.Contains(key)) continue;
            if (parent is null && sectionsOnly && !provider.GetChildKeys([], key).Any()) continue;
            if (Retired.Contains(path)) continue;
            var (child, name) = Child(type, key);
            var shown = name ?? key.ToLowerInvariant();
            var childDotted = dotted.Length == 0 ? shown : $"{dotted}.{shown}";
            if (child is null)
            {
                problems.Add(Describe(source, childDotted, type, key));
                continue;
            }
            if (!IsLeaf(child)) Walk(provider, path, child, childDotted, source, sectionsOnly, problems);
        }
    }

    // The type a key selects under `type` and the key's snake_case spelling; null when the key names nothing.
    private static (Type? Type, string? Name) Child(Type type, string key)
    {
        if (Dictionary(type) is { } value) return (value, key);
        if (Element(type) is { } element)
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? (element, key) : (null, null);
        var property = Settable(type).FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
        return property is null ? (null, null) : (property.PropertyType, SnakeCase(property.Name));
    }

    private static string Describe(string source, string dotted, Type parent, string key)
    {
        var guess = Settable(parent).Select(p => p.Name).OrderBy(n => Distance(n.ToUpperInvariant(), key.ToUpperInvariant())).FirstOrDefault();
        var last = dotted.LastIndexOf('.');
        var hint = guess is not null && Distance(guess.ToUpperInvariant(), key.ToUpperInvariant()) <= Math.Max(2, key.Length / 3)
            ? $"; did you mean {(last < 0 ? "" : dotted[..(last + 1)])}{SnakeCase(guess)}?"
            : "";
        return $"{source}: unknown option {dotted}{hint} (every option: encore.sample.toml)";
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan);
    }

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IList<>) || g == typeof(IReadOnlyList<>) || g == typeof(HashSet<>))
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>MaxK -> max_k, PlaylistAdd -> playlist_add: the spelling of the TOML file and encore.sample.toml.</summary>
    internal static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // Levenshtein distance, for the "did you mean" hint only (names are short).
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
