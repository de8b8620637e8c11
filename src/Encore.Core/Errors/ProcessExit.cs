namespace Encore.Core.Errors;

/// <summary>
/// The exit codes of Encore's executables (<c>encore</c>, <c>encore-fit</c>; docs/cli.md) and the one place that maps a
/// failure to its code and its one-line message, so every executable reports the same failure the same way.
/// </summary>
public static class ProcessExit
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad command line (unknown option, missing argument, bad setting, a named file or folder that does not exist).</summary>
    public const int Usage = 1;

    /// <summary>Bad input data: a file, line and field are named in the message.</summary>
    public const int BadData = 2;

    /// <summary>A model or snapshot file that is corrupt, truncated or from another version.</summary>
    public const int BadModelFile = 3;

    /// <summary>Anything else: a bug or an environment problem (disk full, permissions).</summary>
    public const int Failure = 4;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code and the message (without the "error: " prefix) for <paramref name="exception"/>.</summary>
    public static (int Code, string Message) Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OperationCanceledException => (Cancelled, "cancelled."),
            DataFormatException e => (BadData, e.Message),
            ModelFormatException e => (BadModelFile, e.Message),
            EncoreException e => (BadData, e.Message),
            ArgumentException e => (Usage, Guard.PlainMessage(e)),
            // A path named on the command line (model file, import input, data set folder, split folder, settings file) that
            // is not there: a bad command line like an unknown option, not damaged data (2) nor a damaged file (3).
            FileNotFoundException e => (Usage, e.Message),
            DirectoryNotFoundException e => (Usage, e.Message),
            IOException e => (Failure, e.Message),
            UnauthorizedAccessException e => (Failure, e.Message),
            OutOfMemoryException => (Failure, "out of memory; try a smaller dataset or fewer factors."),
            _ => (Failure, $"unexpected error ({exception.GetType().Name}): {exception.Message}"),
        };
    }

    /// <summary>Writes "error: message" for <paramref name="exception"/> to <paramref name="error"/> (and the whole exception when
    /// the environment variable ENCORE_DEBUG is 1) and returns its exit code: how every Encore executable ends on a failure.</summary>
    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (code, message) = Classify(exception);
        error.WriteLine($"error: {message}");
        if (Environment.GetEnvironmentVariable("ENCORE_DEBUG") == "1") error.WriteLine(exception);
        return code;
    }
}
