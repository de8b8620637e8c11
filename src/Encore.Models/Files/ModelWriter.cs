using System.Runtime.InteropServices;
using System.Text;
using Encore.Core.Ids;
using Encore.Core.Sparse;

namespace Encore.Models.Files;

/// <summary>
/// Writes a model's payload: little-endian scalars, length-prefixed strings and raw arrays. From model format v2 on,
/// the elements of every array start at a file offset that is a multiple of <see cref="ModelFile.ArrayAlignment"/>
/// (zero bytes fill the gap after the length), so a loader can serve them from a memory mapping.
/// </summary>
public sealed class ModelWriter
{
    private static readonly byte[] Zeros = new byte[ModelFile.ArrayAlignment];

    private readonly Stream _stream;
    private readonly long _fileStart;
    private readonly bool _aligned;

    /// <param name="stream">Seekable stream positioned where the payload goes.</param>
    /// <param name="fileStart">Stream position of the file's first byte (alignment is counted from it).</param>
    /// <param name="formatVersion">Model format version to write (1: unaligned arrays, for compatibility tests).</param>
    internal ModelWriter(Stream stream, long fileStart = 0, int formatVersion = ModelFile.FormatVersion)
    {
        _stream = stream;
        _fileStart = fileStart;
        _aligned = formatVersion >= 2;
    }

    public void WriteInt(int value) => WriteRaw(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref value)));

    public void WriteLong(long value) => WriteRaw(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(ref value)));

    public void WriteULong(ulong value) => WriteRaw(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(ref value)));

    public void WriteFloat(float value) => WriteRaw(MemoryMarshal.AsBytes(new ReadOnlySpan<float>(ref value)));

    public void WriteDouble(double value) => WriteRaw(MemoryMarshal.AsBytes(new ReadOnlySpan<double>(ref value)));

    public void WriteBool(bool value) => _stream.WriteByte(value ? (byte)1 : (byte)0);

    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt(bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>Length-prefixed array of an unmanaged type, written as raw little-endian bytes.</summary>
    public void WriteArray<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        WriteLong(values.Length);
        var gap = _aligned ? ModelFile.AlignmentGap(_stream.Position - _fileStart) : 0;
        if (gap > 0) WriteRaw(Zeros.AsSpan(0, gap));
        WriteRaw(MemoryMarshal.AsBytes(values));
    }

    public void WriteIdMap(IdMap map)
    {
        WriteInt(map.Count);
        for (var i = 0; i < map.Count; i++) WriteString(map[i]);
    }

    public void WriteCsr(CsrMatrix matrix)
    {
        WriteInt(matrix.Rows);
        WriteInt(matrix.Columns);
        WriteArray(matrix.Offsets);
        WriteArray(matrix.ColumnIndices);
        WriteArray(matrix.Values);
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);
}
