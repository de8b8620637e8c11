namespace Encore.Core.Files;

/// <summary>
/// A path named on a command line (an argument or an option of <c>encore</c> or <c>encore-fit</c>) that must name
/// something. A path that names nothing is a bad command line, like a mistyped option: exit 1 with one line naming the
/// option and the path (docs/cli.md, "Exit codes"), never "bad data" (2) or "corrupt file" (3), which are for files
/// that exist.
/// </summary>
public static class CommandLinePath
{
    /// <summary>The message for a path that names nothing: <c>--model 'x.bin' does not exist.</c></summary>
    /// <param name="path">The path as given.</param>
    /// <param name="name">The option (<c>--model</c>) or argument (<c>&lt;model&gt;</c>) it was given as.</param>
    public static string Missing(string path, string name) => $"{name} '{path}' does not exist.";

    /// <summary>Returns <paramref name="path"/> when a file or folder is there.</summary>
    /// <param name="path">The path as given (relative to the working folder).</param>
    /// <param name="name">The option or argument it was given as, for the message.</param>
    /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/> (exit 1, <see cref="Errors.ProcessExit"/>).</exception>
    public static string Existing(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!File.Exists(path) && !Directory.Exists(path)) throw new FileNotFoundException(Missing(path, name), path);
        return path;
    }

    /// <summary>Checks each of <paramref name="paths"/> (<see cref="Existing"/>), in order; the first missing one is named.</summary>
    /// <exception cref="FileNotFoundException">One of the paths names nothing.</exception>
    public static IReadOnlyList<string> AllExisting(IReadOnlyList<string> paths, string name)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths) Existing(path, name);
        return paths;
    }
}
