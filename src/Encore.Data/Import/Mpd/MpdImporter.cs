using System.Globalization;
using Encore.Core.Errors;
using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.Mpd;

/// <summary>
/// Imports the Spotify Million Playlist Dataset: slice files <c>mpd.slice.&lt;first&gt;-&lt;last&gt;.json</c> and the
/// challenge set <c>challenge_set.json</c> (folders or files, optionally gzipped). Files are streamed; memory
/// holds the catalogue and playlists, never a file's DOM. Playlists go to <see cref="MusicDataset.PlaylistInfo"/>
/// (id = pid), and every entry is also a playlist-add event by the user "playlist:&lt;pid&gt;" (playlists as users). See docs/import-mpd.md.
/// </summary>
public sealed class MpdImporter : IDatasetImporter
{
    public string Format => "mpd";

    public string Description =>
        "Spotify Million Playlist Dataset: a folder (or files) of mpd.slice.*.json and/or challenge_set.json, optionally .gz.";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = ResolveFiles(paths);
        var data = new MusicDatasetBuilder($"mpd: {string.Join(", ", paths)}");
        var parser = new MpdFileParser(data, report);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parser.Parse(file, progress, cancellationToken);
            report.Count(MpdRules.Files);
        }
        return data.Build();
    }

    /// <summary>Files to read, slices in pid order then challenge sets; explicit files are taken as given.</summary>
    internal static IReadOnlyList<string> ResolveFiles(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new DataFormatException("(no input)", 0, "", "no folder or file given; expected mpd.slice.*.json files or challenge_set.json.");
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) result.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path).Where(IsMpdFile).OrderBy(SliceStart).ThenBy(f => f, StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new DataFormatException(path, 0, "", "holds no mpd.slice.*.json or challenge_set*.json file.");
                result.AddRange(found);
            }
            else throw new FileNotFoundException($"{path}: file not found.", path);
        }
        return [.. ImportPaths.Once(result)];
    }

    private static bool IsMpdFile(string file)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && (name.StartsWith("mpd.slice.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("challenge_set", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>First pid of a slice file name (challenge sets sort last).</summary>
    private static long SliceStart(string file)
    {
        var name = Path.GetFileName(file);
        if (!name.StartsWith("mpd.slice.", StringComparison.OrdinalIgnoreCase)) return long.MaxValue;
        var rest = name["mpd.slice.".Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && long.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : long.MaxValue - 1;
    }
}
