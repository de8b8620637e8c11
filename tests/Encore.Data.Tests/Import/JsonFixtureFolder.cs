using System.IO.Compression;
using System.Text;

namespace Encore.Data.Tests.Import;

/// <summary>A temp folder for hand-written JSON / JSONL fixtures, deleted on dispose.</summary>
internal sealed class JsonFixtureFolder : IDisposable
{
    public JsonFixtureFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "encore-json-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteLines(string name, params string[] lines) => Write(name, string.Join("\n", lines) + "\n");

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteGzip(string name, string text)
    {
        var path = Path.Combine(Root, name);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Optimal);
        gz.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind is harmless
        }
    }
}
