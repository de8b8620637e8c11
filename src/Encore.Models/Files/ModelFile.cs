using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Encore.Core.Errors;
using Encore.Core.Files;
using Encore.Models.Contract;

namespace Encore.Models.Files;

/// <summary>
/// The one versioned binary model format: magic "ENCOREMF", format version, model name, payload length,
/// payload, SHA-256 of the payload. Saving is atomic (temporary file, flush to disk, rename), so a crash
/// leaves the previous file intact. Loading refuses a foreign, truncated, corrupt or newer file with a
/// message that says which.
/// </summary>
/// <remarks>
/// Versions: v1 wrote arrays right after their length; v2 (this build) puts the elements of every array at a file
/// offset that is a multiple of <see cref="ArrayAlignment"/>, so that a loader can serve them from a read-only memory
/// mapping (<see cref="OpenMapped"/>). Both are read; v1 arrays whose elements happen to be unaligned are copied.
/// </remarks>
public static class ModelFile
{
    /// <summary>Format version written by this build.</summary>
    public const int FormatVersion = 2;

    /// <summary>Alignment in bytes of array elements in the file from format v2 on (a cache line; a multiple of every element size).</summary>
    public const int ArrayAlignment = 64;

    /// <summary>Zero bytes written after an array's length so that its elements start at an aligned file offset.</summary>
    internal static int AlignmentGap(long fileOffset) => (int)(-fileOffset & (ArrayAlignment - 1));

    private static readonly byte[] Magic = "ENCOREMF"u8.ToArray();

    public static void Save(IRecommender model, string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Encore.Core.Files.AtomicFile.TempSibling(full);
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            {
                Write(model, file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes the whole file format to a seekable stream.</summary>
    public static void Write(IRecommender model, Stream stream) => Write(model, stream, FormatVersion);

    /// <summary>Writes the file format of an older <paramref name="formatVersion"/> (1 or 2; compatibility tests).</summary>
    internal static void Write(IRecommender model, Stream stream, int formatVersion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(formatVersion, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(formatVersion, FormatVersion);
        var fileStart = stream.Position;
        stream.Write(Magic);
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, formatVersion);
        stream.Write(header);
        var name = Encoding.UTF8.GetBytes(model.ModelName);
        BinaryPrimitives.WriteInt32LittleEndian(header, name.Length);
        stream.Write(header);
        stream.Write(name);
        var lengthPosition = stream.Position;
        stream.Write(new byte[8]);
        var payloadStart = stream.Position;
        model.WritePayload(new ModelWriter(stream, fileStart, formatVersion));
        var payloadLength = stream.Position - payloadStart;

        var hash = HashRange(stream, payloadStart, payloadLength);
        stream.Position = lengthPosition;
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(len, payloadLength);
        stream.Write(len);
        stream.Position = payloadStart + payloadLength;
        stream.Write(hash);
    }

    // A folder is usually a dataset snapshot given where a model belongs: say so, and how to get a model from it.
    private static string NotFound(string path) =>
        !Directory.Exists(path) ? $"{path}: model file not found."
        : File.Exists(Path.Combine(path, "manifest.json")) ? $"{path}: is a folder, not a model file (it is a dataset snapshot; train a model from it with `encore train {ShellWord.Quote(path)} --model <name> -o model.bin`)."
        : $"{path}: is a folder, not a model file (a model file is what `encore train ... -o model.bin` writes).";

    /// <summary>Reads the header and verified payload; the caller dispatches on the model name.</summary>
    public static (string ModelName, ModelReader Payload) Open(string path)
    {
        if (!File.Exists(path)) throw new ModelFormatException(NotFound(path));
        var bytes = File.ReadAllBytes(path);
        return Open(bytes, path);
    }

    public static (string ModelName, ModelReader Payload) Open(byte[] bytes, string name)
    {
        if (bytes.Length < Magic.Length + 8 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new ModelFormatException($"{name}: not an Encore model file (bad magic bytes).");
        var pos = Magic.Length;
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos));
        pos += 4;
        if (version > FormatVersion)
            throw new ModelFormatException($"{name}: written by a newer Encore (model format v{version}); this build reads up to v{FormatVersion}. Upgrade Encore or retrain.");
        if (version < 1) throw new ModelFormatException($"{name}: invalid model format version {version}.");
        var nameLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos));
        pos += 4;
        // Every length is compared with what is left (never summed first), so no length can overflow the check.
        if (nameLength < 0 || nameLength > bytes.Length - pos - 8) throw Truncated(name);
        var modelName = Encoding.UTF8.GetString(bytes, pos, nameLength);
        pos += nameLength;
        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(pos));
        pos += 8;
        if (payloadLength < 0 || payloadLength > bytes.Length - pos - 32L) throw Truncated(name);
        if (pos + payloadLength + 32 != bytes.Length) throw new ModelFormatException($"{name}: model file has {bytes.Length - (pos + payloadLength + 32)} unexpected trailing bytes.");
        var payload = new ReadOnlyMemory<byte>(bytes, pos, (int)payloadLength);
        var expected = bytes.AsSpan(pos + (int)payloadLength, 32);
        if (!SHA256.HashData(payload.Span).AsSpan().SequenceEqual(expected))
            throw new ModelFormatException($"{name}: model file is corrupt (checksum mismatch).");
        return (modelName, new ModelReader(payload, name, version, pos));
    }

    /// <summary>
    /// Checks a model file without keeping it: header, length and checksum, streaming the file through a 1 MiB
    /// buffer (memory does not grow with the file).
    /// </summary>
    /// <returns>The model kind in the header.</returns>
    /// <exception cref="ModelFormatException">Missing, foreign, truncated, corrupt or newer.</exception>
    public static string Verify(string path)
    {
        using var stream = OpenShared(path);
        return VerifyStream(stream, path).ModelName;
    }

    /// <summary>
    /// Verifies a model file by streaming it once (as <see cref="Verify"/>), then maps the same open file read-only and
    /// returns a reader over the mapping. The caller owns the mapping (<see cref="MappedModelFile"/>).
    /// </summary>
    /// <exception cref="ModelFormatException">Missing, foreign, truncated, corrupt or newer.</exception>
    /// <exception cref="IOException">The file cannot be read or mapped.</exception>
    public static (string ModelName, ModelReader Payload, MappedModelFile Mapping) OpenMapped(string path)
    {
        var stream = OpenShared(path);
        try
        {
            var header = VerifyStream(stream, path);
            var mapping = new MappedModelFile(stream, path);
            return (header.ModelName, new ModelReader(mapping, header.PayloadOffset, header.PayloadLength, header.Version), mapping);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    // Read and delete sharing: a newer version can replace (rename over) or remove the path while this one is open or mapped.
    private static FileStream OpenShared(string path)
    {
        if (!File.Exists(path)) throw new ModelFormatException(NotFound(path));
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
    }

    private static (string ModelName, int Version, long PayloadOffset, long PayloadLength) VerifyStream(FileStream stream, string name)
    {
        var fileLength = stream.Length;
        Span<byte> fixedPart = stackalloc byte[16];
        if (fileLength < Magic.Length + 8 || stream.ReadAtLeast(fixedPart, 16, throwOnEndOfStream: false) < 16
            || !fixedPart[..Magic.Length].SequenceEqual(Magic))
            throw new ModelFormatException($"{name}: not an Encore model file (bad magic bytes).");
        var version = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[8..]);
        if (version > FormatVersion)
            throw new ModelFormatException($"{name}: written by a newer Encore (model format v{version}); this build reads up to v{FormatVersion}. Upgrade Encore or retrain.");
        if (version < 1) throw new ModelFormatException($"{name}: invalid model format version {version}.");
        var nameLength = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[12..]);
        long pos = 16;
        if (nameLength < 0 || nameLength > fileLength - pos - 8) throw Truncated(name);
        var nameBytes = new byte[nameLength];
        stream.ReadExactly(nameBytes);
        var modelName = Encoding.UTF8.GetString(nameBytes);
        pos += nameLength;
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
        pos += 8;
        if (payloadLength < 0 || payloadLength > fileLength - pos - 32L) throw Truncated(name);
        if (pos + payloadLength + 32 != fileLength) throw new ModelFormatException($"{name}: model file has {fileLength - (pos + payloadLength + 32)} unexpected trailing bytes.");
        var hash = HashRange(stream, pos, payloadLength);
        Span<byte> expected = stackalloc byte[32];
        stream.ReadExactly(expected);
        if (!hash.AsSpan().SequenceEqual(expected))
            throw new ModelFormatException($"{name}: model file is corrupt (checksum mismatch).");
        return (modelName, version, pos, payloadLength);
    }

    private static byte[] HashRange(Stream stream, long start, long length)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        stream.Position = start;
        while (length > 0)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (n == 0) throw new EndOfStreamException("model stream ended while hashing");
            sha.AppendData(buffer, 0, n);
            length -= n;
        }
        return sha.GetHashAndReset();
    }

    private static ModelFormatException Truncated(string name) =>
        new($"{name}: model file is truncated (it ends before its declared length). Re-save or retrain the model.");
}
