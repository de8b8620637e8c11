using Spectre.Console;

namespace Encore.Cli.Tests;

/// <summary>Runs the CLI with stdout and stderr captured (tests are in the "console" collection, so never in parallel).</summary>
internal static class ConsoleCapture
{
    public static Task<(int Code, string Out, string Error)> RunAsync(params string[] args) => RunAsync(() => EncoreCli.RunAsync(args));

    /// <summary>Runs <paramref name="body"/> (e.g. a command's internal entry point) with the console captured.</summary>
    public static async Task<(int Code, string Out, string Error)> RunAsync(Func<Task<int>> body)
    {
        // Bind the shared AnsiConsole to the real stdout first, so it never keeps a writer of a finished test.
        _ = AnsiConsole.Profile.Width;
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await body();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
