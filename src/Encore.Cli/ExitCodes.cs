namespace Encore.Cli;

/// <summary>Exit codes scripts can rely on (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad command line (unknown option, missing argument): System.CommandLine's own code.</summary>
    public const int Usage = 1;
    /// <summary>Bad input data: a file, line and field are named in the message.</summary>
    public const int BadData = 2;
    /// <summary>A model or snapshot file that is corrupt, truncated or from another version.</summary>
    public const int BadModelFile = 3;
    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
    /// <summary>Anything else: a bug or an environment problem (disk full, permissions).</summary>
    public const int Failure = 4;
}
