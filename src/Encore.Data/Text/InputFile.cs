using System.IO.Compression;
using Encore.Core.Errors;

namespace Encore.Data.Text;

/// <summary>Opens input files for streaming: transparently gunzips (by magic bytes, refusing truncated gzip), turns I/O failures into clear errors.</summary>
public static class InputFile
{
    /// <summary>Opens <paramref name="path"/> for sequential reading; gzip content is decompressed on the fly.</summary>
    public static Stream Open(string path)
    {
        if (Directory.Exists(path)) throw new DataFormatException(path, 0, "", "is a folder; expected a file.");
        // A path that names nothing is a mistyped path (exit 1), not bad data (2): the data was never seen.
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        FileStream raw;
        try
        {
            raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, "", $"cannot be opened: {ex.Message}", ex);
        }
        Span<byte> magic = stackalloc byte[2];
        var n = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        raw.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return GzipTrailerCheckStream.Wrap(new GZipStream(raw, CompressionMode.Decompress, leaveOpen: false), path);
        return raw;
    }

    /// <summary>Size on disk (compressed size for .gz), for progress reporting.</summary>
    public static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Expands folders into the files they contain (sorted, non-recursive) matching a pattern.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, string pattern = "*")
    {
        var result = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var files = Directory.GetFiles(p, pattern);
                Array.Sort(files, StringComparer.Ordinal);
                result.AddRange(files);
            }
            else result.Add(p);
        }
        return result;
    }
}
