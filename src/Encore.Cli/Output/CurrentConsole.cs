using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>
/// A Spectre console over whatever <see cref="Console.Out"/> is now. AnsiConsole binds to the writer it saw
/// first; result tables go through this instead so that redirected output (pipes, tests) gets them too.
/// </summary>
internal static class CurrentConsole
{
    public static IAnsiConsole Create() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Out),
        Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    });
}
