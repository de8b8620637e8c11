using System.Runtime.CompilerServices;

namespace Encore.Models.Files;

/// <summary>
/// A read-only array of a model: either a managed array (a freshly trained model, or a file that was read) or a
/// range of a <see cref="MappedModelFile"/> (a file loaded with <see cref="ModelFileAccess.Map"/>). Scoring code
/// reads it through spans either way, so the two give bit-identical results; no copy is made per request.
/// </summary>
/// <typeparam name="T">Element type (float, int, ...), stored little-endian.</typeparam>
/// <remarks>
/// A span over mapped memory does not keep the mapping alive: take <see cref="Lease"/> around its use, or keep the
/// owning model reachable (<see cref="GC.KeepAlive(object)"/>) until the span is no longer used.
/// </remarks>
public readonly unsafe struct ModelArray<T> where T : unmanaged
{
    private readonly T[]? _array;
    private readonly MappedModelFile? _file;
    private readonly long _offset;

    /// <summary>An array-backed view.</summary>
    public ModelArray(T[] array)
    {
        _array = array ?? throw new ArgumentNullException(nameof(array));
        Length = array.LongLength;
    }

    /// <summary>A view of <paramref name="length"/> elements at byte <paramref name="offset"/> of a mapping (aligned to the element size).</summary>
    internal ModelArray(MappedModelFile file, long offset, long length)
    {
        _file = file;
        _offset = offset;
        Length = length;
    }

    /// <value>Number of elements.</value>
    public long Length { get; }

    /// <value>True when the elements are read from a memory-mapped file.</value>
    public bool IsMapped => _file is not null;

    /// <value>The managed array behind an array-backed view (no copy), or null when mapped.</value>
    internal T[]? Array => _array;

    /// <value>The mapping that holds the elements, or null when array-backed.</value>
    public MappedModelFile? Mapping => _file;

    /// <value>Every element (at most <see cref="int.MaxValue"/>).</value>
    /// <exception cref="InvalidOperationException">More than <see cref="int.MaxValue"/> elements; use <see cref="Slice"/>.</exception>
    public ReadOnlySpan<T> Span => Length <= int.MaxValue ? Slice(0, (int)Length)
        : throw new InvalidOperationException($"{Length} elements do not fit one span; read it by slices.");

    /// <summary>Elements [start, start + length).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the array.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> Slice(long start, int length)
    {
        if ((ulong)start > (ulong)Length || (ulong)length > (ulong)(Length - start))
            throw new ArgumentOutOfRangeException(nameof(start), $"range [{start}, {start + length}) is outside an array of {Length}.");
        return _array is not null
            ? new ReadOnlySpan<T>(_array, (int)start, length)
            : new ReadOnlySpan<T>(_file is null ? null : _file.At(_offset + start * sizeof(T)), length);
    }

    /// <summary>Keeps a mapped array mapped while the lease is held; a no-op for arrays.</summary>
    /// <exception cref="ObjectDisposedException">The mapping was disposed.</exception>
    public MappingLease Lease() => _file?.Lease() ?? default;

    /// <summary>A managed copy of every element.</summary>
    public T[] ToArray()
    {
        using var lease = Lease();
        return Span.ToArray();
    }

    /// <summary>The view of a managed array.</summary>
    public static implicit operator ModelArray<T>(T[] array) => new(array);
}

/// <summary>How <see cref="ModelLoader.Load(string, ModelFileAccess)"/> holds a model's large arrays.</summary>
public enum ModelFileAccess
{
    /// <summary>Verify the checksum by streaming the file once, then map it read-only: large arrays are served from the mapping.</summary>
    Map,

    /// <summary>Read the whole file into managed arrays (the behaviour before format v2).</summary>
    Read,
}
