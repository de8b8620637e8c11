using System.Text.RegularExpressions;

namespace Encore.Core.Errors;

/// <summary>
/// Command-line parse errors in the user's terms. The parser (System.CommandLine) says
/// "Cannot parse argument '-1' for option '--seed' as expected type 'System.UInt64'"; a user knows options and
/// numbers, not .NET type names, so <see cref="Plain"/> says "--seed expects a whole number from 0 to
/// 18446744073709551615; got '-1'." instead. Messages it does not recognise are returned unchanged.
/// </summary>
public static partial class ParseErrorText
{
    /// <summary>The parser's message rewritten without .NET type names (unchanged when it names none).</summary>
    /// <param name="message">One parse error's message.</param>
    /// <returns>The message to print after "error: ".</returns>
    public static string Plain(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = CannotParse().Match(message);
        if (!match.Success) return message;
        var value = match.Groups["value"].Value;
        var what = match.Groups["option"].Success ? match.Groups["option"].Value
            : match.Groups["command"].Success ? $"the argument of '{match.Groups["command"].Value}'" : "an argument";
        return $"{what} expects {Expected(match.Groups["type"].Value)}; got '{value}'.{match.Groups["rest"].Value}";
    }

    /// <summary>
    /// Writes each parse error as "error: ..." (in plain words) and a pointer to the command's help to
    /// <paramref name="error"/>, and returns <see cref="ProcessExit.Usage"/>: how Encore's executables end on a
    /// command line they cannot parse (instead of the parser's message followed by the whole help text).
    /// </summary>
    /// <param name="messages">The parser's error messages.</param>
    /// <param name="command">The command as typed, e.g. "encore evaluate".</param>
    /// <param name="error">Where to write (standard error).</param>
    public static int Report(IEnumerable<string> messages, string command, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var message in messages) error.WriteLine($"error: {Plain(message)}");
        error.WriteLine($"see '{command} --help' for its arguments and options.");
        return ProcessExit.Usage;
    }

    /// <summary>What a value of the .NET type <paramref name="typeName"/> looks like, in words.</summary>
    internal static string Expected(string typeName)
    {
        var nullable = NullableOf().Match(typeName);
        var type = nullable.Success ? nullable.Groups["inner"].Value : typeName;
        return type switch
        {
            "System.Int32" => "a whole number (up to 2147483647)",
            "System.Int64" => "a whole number",
            "System.UInt64" => "a whole number from 0 to 18446744073709551615",
            "System.UInt32" => "a whole number from 0 to 4294967295",
            "System.Double" or "System.Single" or "System.Decimal" => "a number such as 0.5",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:10:00",
            _ => "a value of another form",
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*?)'( for option '(?<option>[^']*)'| for command '(?<command>[^']*)')? as expected type '(?<type>[^']*)'\.(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>[^\]]+)\]$")]
    private static partial Regex NullableOf();
}
