namespace Encore.Cli.Arguments;

/// <summary>Comma-separated id lists (<c>--history t1,t2</c>); the option may also be repeated.</summary>
internal static class IdList
{
    public static string[] Parse(IEnumerable<string>? values)
    {
        if (values is null) return [];
        var ids = new List<string>();
        foreach (var value in values)
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                ids.Add(part);
        return [.. ids];
    }

    /// <summary>Null when the option was not given at all (so "no allow list" differs from an empty one).</summary>
    public static string[]? ParseOptional(string[]? values) => values is null || values.Length == 0 ? null : Parse(values);
}
