using Encore.Core.Errors;

namespace Encore.Data.Import.Common;

/// <summary>Turns the paths an importer is given (files and folders) into files, refusing paths that do not exist.</summary>
internal static class ImportPaths
{
    /// <summary>Folders expand to their files (sorted, non-recursive); a missing path or an empty folder throws naming it.</summary>
    /// <exception cref="FileNotFoundException">A path names nothing (a bad command line, exit 1).</exception>
    /// <exception cref="DataFormatException">No paths, or an empty folder.</exception>
    public static IReadOnlyList<string> Files(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new DataFormatException("(no input)", 0, "", "no input files or folders were given.");
        var result = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var files = Directory.GetFiles(p);
                if (files.Length == 0) throw new DataFormatException(p, 0, "", "the folder holds no files; expected the format's input files in it (see encore import --help).");
                Array.Sort(files, StringComparer.Ordinal);
                result.AddRange(files);
            }
            else if (File.Exists(p)) result.Add(p);
            else throw new FileNotFoundException($"{p}: file or folder not found.", p);
        }
        return [.. Once(result)];
    }

    /// <summary>
    /// Each file once, in first-seen order, however it was named (a folder and a file in it, ./x and x): a file
    /// read twice would count every row twice.
    /// </summary>
    public static IEnumerable<string> Once(IEnumerable<string> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
            if (seen.Add(Path.GetFullPath(f))) yield return f;
    }

    /// <summary>The file whose name is <paramref name="name"/> (case-insensitive, optionally with .gz), or null.</summary>
    public static string? Find(IReadOnlyList<string> files, string name)
    {
        foreach (var f in files)
        {
            var n = Path.GetFileName(f);
            if (n.Equals(name, StringComparison.OrdinalIgnoreCase) || n.Equals(name + ".gz", StringComparison.OrdinalIgnoreCase))
                return f;
        }
        return null;
    }

    /// <summary>File name without a trailing .gz, lower-cased, for matching by extension.</summary>
    public static string BaseName(string path)
    {
        var n = Path.GetFileName(path).ToUpperInvariant();
        return n.EndsWith(".GZ", StringComparison.Ordinal) ? n[..^3] : n;
    }
}
