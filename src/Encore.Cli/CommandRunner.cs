using Encore.Core.Errors;
using Spectre.Console;

namespace Encore.Cli;

/// <summary>
/// Runs a command body and turns failures into one clear line on stderr and a documented exit code,
/// never a stack trace (set ENCORE_DEBUG=1 to see one).
/// </summary>
public static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex)
        {
            return Report(ex);
        }
    }

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex)
        {
            return Report(ex);
        }
    }

    private static int Report(Exception ex) => ProcessExit.Report(ex, Console.Error);
}
