using System.IO.Compression;
using System.Text;

namespace Encore.Data.Tests.Import;

/// <summary>A temp folder for hand-written fixtures, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "encore-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content) => Bytes(name, Encoding.UTF8.GetBytes(content));

    public string Bytes(string name, byte[] content)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    /// <summary>Writes gzip-compressed content; <paramref name="truncate"/> cuts the compressed bytes short.</summary>
    public string Gzip(string name, string content, bool truncate = false)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(content));
        var bytes = ms.ToArray();
        return Bytes(name, truncate ? bytes[..(bytes.Length / 2)] : bytes);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
