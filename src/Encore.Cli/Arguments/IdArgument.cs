namespace Encore.Cli.Arguments;

/// <summary>One user or track id given as an option value: trimmed; an empty one is a command-line error, not an unknown id.</summary>
internal static class IdArgument
{
    /// <summary>Null when the option was not given; otherwise the trimmed id.</summary>
    /// <exception cref="ArgumentException">The value is empty or only white space; the message names <paramref name="option"/>.</exception>
    public static string? Parse(string? value, string option) => value switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(value) => throw new ArgumentException($"{option} is empty; expected an id."),
        _ => value.Trim(),
    };
}
