using System.CommandLine;
using System.CommandLine.Parsing;
using Encore.Core.Errors;

namespace Encore.Fit;

/// <summary>
/// How both executables, <c>encore</c> and <c>encore-fit</c>, end on a command line they cannot parse: each error in plain
/// words (<see cref="ParseErrorText"/>) and a pointer to the command's help, instead of the parser's message and the whole
/// help text. This file is compiled into both (Encore.Cli links it), so the two cannot answer differently.
/// </summary>
internal static class ParseFailure
{
    /// <summary>
    /// Writes <paramref name="result"/>'s errors to standard error and gives the usage exit code, or returns false when
    /// the parser's own answer stands: no error, a help request, or a command group typed alone (<c>encore</c>,
    /// <c>encore runs</c>), whose answer is its help and subcommands.
    /// </summary>
    /// <param name="result">The parsed command line.</param>
    /// <param name="executable">The executable's name as typed, e.g. "encore".</param>
    /// <param name="exitCode"><see cref="ProcessExit.Usage"/> when reported.</param>
    public static bool TryReport(ParseResult result, string executable, out int exitCode)
    {
        exitCode = 0;
        if (result.Errors.Count == 0 || result.Action is System.CommandLine.Help.HelpAction
            || result.CommandResult.Command is { Action: null, Subcommands.Count: > 0 })
            return false;
        exitCode = ParseErrorText.Report(result.Errors.Select(e => e.Message), CommandPath(result.CommandResult, executable), Console.Error);
        return true;
    }

    /// <summary>The command as typed ("encore runs list"), for the pointer to its help.</summary>
    internal static string CommandPath(CommandResult command, string executable)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parent as CommandResult)
            names.Add(c.Parent is null ? executable : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
