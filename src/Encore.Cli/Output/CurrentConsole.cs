using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>
/// A Spectre console over whatever <see cref="Console.Out"/> is now. AnsiConsole binds to the writer it saw
/// first; result tables go through this instead so that redirected output (pipes, tests) gets them too.
/// Redirected output has no window, and Spectre then assumes 80 columns, folding wide tables (titles, long ids)
/// into unreadable cells: there it is <see cref="RedirectedWidth"/> wide instead (a table takes only what it needs).
/// </summary>
internal static class CurrentConsole
{
    /// <summary>Columns a table may use when stdout is not a terminal.</summary>
    public const int RedirectedWidth = 240;

    public static IAnsiConsole Create()
    {
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected && console.Profile.Width < RedirectedWidth) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
