using System.Runtime.InteropServices;
using System.Text;
using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;

namespace Encore.Models.Files;

/// <summary>Reads what <see cref="ModelWriter"/> wrote from an in-memory, checksum-verified payload; any overrun is a clear error.</summary>
public sealed class ModelReader
{
    private readonly ReadOnlyMemory<byte> _payload;
    private readonly string _file;
    private int _position;

    internal ModelReader(ReadOnlyMemory<byte> payload, string file)
    {
        _payload = payload;
        _file = file;
    }

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
        var length = ReadLong();
        var size = Marshal.SizeOf<T>();
        if (length < 0 || length > (_payload.Length - _position) / size) throw Corrupt($"array of {length} elements does not fit in the file");
        var result = new T[length];
        Take((int)length * size).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    public IdMap ReadIdMap()
    {
        var count = ReadInt();
        if (count < 0) throw Corrupt("negative id count");
        // Each id takes at least its 4-byte length: a count the rest of the payload cannot hold is corrupt
        // (checked before anything is allocated for it).
        if (count > (_payload.Length - _position) / sizeof(int)) throw Corrupt($"id map of {count} ids does not fit in the file");
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
    public bool AtEnd => _position == _payload.Length;

    /// <summary>Fails unless the whole payload was consumed (catches a reader / writer mismatch).</summary>
    public void EnsureEnd()
    {
        if (_position != _payload.Length) throw Corrupt($"{_payload.Length - _position} unread bytes at the end of the payload");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _payload.Length - _position) throw Corrupt("payload ends early");
        var span = _payload.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    private ModelFormatException Corrupt(string what) => new($"{_file}: model file is corrupt: {what}.");
}
