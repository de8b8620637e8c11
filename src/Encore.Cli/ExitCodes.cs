namespace Encore.Cli;

/// <summary>Exit codes scripts can rely on (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = Encore.Core.Errors.ProcessExit.Ok;
    /// <summary>Bad command line (unknown option, missing argument, any path given that names nothing, CommandLinePath): System.CommandLine's own code.</summary>
    public const int Usage = Encore.Core.Errors.ProcessExit.Usage;
    /// <summary>Bad input data in a file that exists: a file, line and field are named in the message.</summary>
    public const int BadData = Encore.Core.Errors.ProcessExit.BadData;
    /// <summary>A model or snapshot file that exists but is corrupt, truncated or from another version.</summary>
    public const int BadModelFile = Encore.Core.Errors.ProcessExit.BadModelFile;
    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = Encore.Core.Errors.ProcessExit.Cancelled;
    /// <summary>Anything else: a bug or an environment problem (disk full, permissions).</summary>
    public const int Failure = Encore.Core.Errors.ProcessExit.Failure;
}
