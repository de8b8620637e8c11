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

    private static int Report(Exception ex)
    {
        var (code, message) = ex switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
            DataFormatException e => (ExitCodes.BadData, e.Message),
            ModelFormatException e => (ExitCodes.BadModelFile, e.Message),
            EncoreException e => (ExitCodes.BadData, e.Message),
            ArgumentException e => (ExitCodes.Usage, Guard.PlainMessage(e)),
            IOException e => (ExitCodes.Failure, e.Message),
            UnauthorizedAccessException e => (ExitCodes.Failure, e.Message),
            OutOfMemoryException => (ExitCodes.Failure, "out of memory; try a smaller dataset or fewer factors."),
            _ => (ExitCodes.Failure, $"unexpected error ({ex.GetType().Name}): {ex.Message}"),
        };
        Console.Error.WriteLine($"error: {message}");
        if (Environment.GetEnvironmentVariable("ENCORE_DEBUG") == "1") Console.Error.WriteLine(ex);
        return code;
    }
}
