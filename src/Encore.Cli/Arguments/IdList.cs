namespace Encore.Cli.Arguments;

/// <summary>Comma-separated id lists (<c>--history t1,t2</c>); the option may also be repeated.</summary>
internal static class IdList
{
    /// <summary>
    /// The ids of every value of <paramref name="option"/>, trimmed, in order. One trailing comma is tolerated
    /// (<c>a,b,</c>); an empty id anywhere else (<c>101,,102</c>, <c>,a</c>, an empty value) is a command-line error,
    /// not an id to drop silently.
    /// </summary>
    /// <exception cref="ArgumentException">A value holds an empty id; the message names <paramref name="option"/> and the position.</exception>
    public static string[] Parse(IEnumerable<string>? values, string option)
    {
        if (values is null) return [];
        var ids = new List<string>();
        foreach (var value in values)
        {
            var parts = value.Split(',', StringSplitOptions.TrimEntries);
            var last = parts.Length - 1;
            if (last > 0 && parts[last].Length == 0) last--;
            for (var p = 0; p <= last; p++)
            {
                if (parts[p].Length == 0)
                    throw new ArgumentException($"{option} '{value}' has an empty id at position {p + 1}; expected ids separated by single commas.");
                ids.Add(parts[p]);
            }
        }
        return [.. ids];
    }

    /// <summary>Null when the option was not given at all (so "no allow list" differs from an empty one).</summary>
    /// <exception cref="ArgumentException">As <see cref="Parse"/>.</exception>
    public static string[]? ParseOptional(string[]? values, string option) => values is null || values.Length == 0 ? null : Parse(values, option);
}
