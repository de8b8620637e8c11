using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>
/// One line of free text with Spectre markup (a fault example, a warning, a note). On a terminal it goes through
/// <see cref="AnsiConsole"/> (colours, wrapped at the window's width); when stdout is redirected it is written whole,
/// without markup, to the current <see cref="Console.Out"/>: Spectre folded it at 80 columns there, splitting
/// <c>file:line: field: expected ...</c> messages of an import log over several lines.
/// </summary>
internal static class TextLine
{
    /// <summary>Writes <paramref name="markup"/> (Spectre markup; user text inside it escaped with <see cref="Markup.Escape"/>).</summary>
    public static void Write(string markup)
    {
        if (Console.IsOutputRedirected) Console.WriteLine(Markup.Remove(markup));
        else AnsiConsole.MarkupLine(markup);
    }
}
