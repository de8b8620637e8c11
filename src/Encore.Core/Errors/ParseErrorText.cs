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
        return $"{what} expects {ValueKindWords.Expected(match.Groups["type"].Value, ValueAudience.CommandLine)}; got '{value}'.{match.Groups["rest"].Value}";
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

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*?)'( for option '(?<option>[^']*)'| for command '(?<command>[^']*)')? as expected type '(?<type>[^']*)'\.(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
