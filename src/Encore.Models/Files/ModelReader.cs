using System.Runtime.InteropServices;
using System.Text;
using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;

namespace Encore.Models.Files;

/// <summary>
/// Reads what <see cref="ModelWriter"/> wrote from a checksum-verified payload, held in memory or in a
/// <see cref="MappedModelFile"/>; any overrun is a clear error. <see cref="ReadModelArray{T}"/> serves an array from
/// the mapping when there is one and its elements are aligned (always from format v2 on), and copies it otherwise.
/// </summary>
public sealed unsafe class ModelReader
{
    private readonly ReadOnlyMemory<byte> _payload;
    private readonly MappedModelFile? _mapping;
    private readonly long _payloadOffset;
    private readonly long _length;
    private readonly int _version;
    private readonly string _file;
    private long _position;

    /// <param name="payload">The payload bytes.</param>
    /// <param name="file">Name for messages.</param>
    /// <param name="version">Model format version of the file (alignment of arrays from v2 on).</param>
    /// <param name="payloadOffset">File offset of the payload's first byte.</param>
    internal ModelReader(ReadOnlyMemory<byte> payload, string file, int version = ModelFile.FormatVersion, long payloadOffset = 0)
    {
        _payload = payload;
        _length = payload.Length;
        _file = file;
        _version = version;
        _payloadOffset = payloadOffset;
    }

    /// <summary>A reader over <paramref name="length"/> payload bytes at file offset <paramref name="payloadOffset"/> of a mapping.</summary>
    internal ModelReader(MappedModelFile mapping, long payloadOffset, long length, int version)
    {
        _mapping = mapping;
        _payloadOffset = payloadOffset;
        _length = length;
        _file = mapping.Path;
        _version = version;
    }

    /// <value>Number of arrays handed out as views of the mapping (0: the mapping can be released after loading).</value>
    internal int MappedArrays { get; private set; }

    public int ReadInt() => MemoryMarshal.Read<int>(Take(sizeof(int)));

    public long ReadLong() => MemoryMarshal.Read<long>(Take(sizeof(long)));

    public ulong ReadULong() => MemoryMarshal.Read<ulong>(Take(sizeof(ulong)));

    public float ReadFloat() => MemoryMarshal.Read<float>(Take(sizeof(float)));

    public double ReadDouble() => MemoryMarshal.Read<double>(Take(sizeof(double)));

    public bool ReadBool() => Take(1)[0] != 0;

    public string ReadString()
    {
        var length = ReadInt();
        if (length < 0) throw Corrupt("negative string length");
        return Encoding.UTF8.GetString(Take(length));
    }

    public T[] ReadArray<T>() where T : unmanaged
    {
        var length = ReadArrayLength<T>();
        var result = new T[length];
        Take((int)length * sizeof(T)).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    /// <summary>
    /// Reads an array written by <see cref="ModelWriter.WriteArray{T}"/> as a view of the mapping when the reader has one
    /// and the elements are aligned to their size, else as a managed copy (a file read whole, or an unaligned v1 array).
    /// </summary>
    /// <exception cref="ModelFormatException">The array does not fit in the payload.</exception>
    public ModelArray<T> ReadModelArray<T>() where T : unmanaged
    {
        if (_mapping is null) return ReadArray<T>();
        var start = _position;
        var length = ReadArrayLength<T>();
        var offset = _payloadOffset + _position;
        if (length == 0 || offset % sizeof(T) != 0)
        {
            _position = start;
            return ReadArray<T>();
        }
        _position += length * sizeof(T);
        MappedArrays++;
        return new ModelArray<T>(_mapping, offset, length);
    }

    // The length, then (from format v2 on) the zero gap that aligns the elements; the elements must fit in what is left.
    private long ReadArrayLength<T>() where T : unmanaged
    {
        var length = ReadLong();
        if (length < 0) throw Corrupt($"array of {length} elements does not fit in the file");
        if (_version >= 2) Take(ModelFile.AlignmentGap(_payloadOffset + _position));
        if (length > (_length - _position) / sizeof(T) || length > Array.MaxLength) throw Corrupt($"array of {length} elements does not fit in the file");
        return length;
    }

    public IdMap ReadIdMap()
    {
        var count = ReadInt();
        if (count < 0) throw Corrupt("negative id count");
        // Each id takes at least its 4-byte length: a count the rest of the payload cannot hold is corrupt
        // (checked before anything is allocated for it).
        if (count > (_length - _position) / sizeof(int)) throw Corrupt($"id map of {count} ids does not fit in the file");
        var map = new IdMap(count);
        for (var i = 0; i < count; i++)
            if (map.GetOrAdd(ReadString()) != i) throw Corrupt("duplicate id in id map");
        return map;
    }

    public CsrMatrix ReadCsr()
    {
        var rows = ReadInt();
        var columns = ReadInt();
        var offsets = ReadArray<int>();
        var indices = ReadArray<int>();
        var values = ReadArray<float>();
        try
        {
            return new CsrMatrix(rows, columns, offsets, indices, values);
        }
        catch (ArgumentException ex)
        {
            throw Corrupt($"invalid sparse matrix ({Guard.PlainMessage(ex)})");
        }
    }

    /// <value>True when the whole payload has been read (a field appended in a later release is absent).</value>
    public bool AtEnd => _position == _length;

    /// <summary>Fails unless the whole payload was consumed (catches a reader / writer mismatch).</summary>
    public void EnsureEnd()
    {
        if (_position != _length) throw Corrupt($"{_length - _position} unread bytes at the end of the payload");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _length - _position) throw Corrupt("payload ends early");
        var span = _mapping is null
            ? _payload.Span.Slice((int)_position, count)
            : new ReadOnlySpan<byte>(_mapping.At(_payloadOffset + _position), count);
        _position += count;
        return span;
    }

    private ModelFormatException Corrupt(string what) => new($"{_file}: model file is corrupt: {what}.");
}
