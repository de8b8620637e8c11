using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Encore.Core.Memory;

/// <summary>
/// <see cref="Length"/> elements of a pinned array whose first element starts on an <see cref="Alignment"/>-byte boundary.
/// .NET places an array's data 16 bytes after the object's start, and objects only 8-byte aligned (measured here: data at
/// 56 mod 64), so a kernel reading rows of 64 or 128 bytes from a plain array touches one more cache line per row than
/// the row's size needs, and every 512-bit load straddles two lines. Rows of a multiple of the alignment in an
/// <see cref="AlignedArray{T}"/> never do. The array is pinned, so the alignment holds for the object's lifetime.
/// </summary>
/// <typeparam name="T">An unmanaged element type.</typeparam>
public sealed class AlignedArray<T> where T : unmanaged
{
    /// <summary>The default alignment: one 64-byte cache line.</summary>
    public const int CacheLine = 64;

    private readonly T[] _array;
    private readonly int _offset;

    /// <summary>
    /// Zeroed (or, with <paramref name="hugePages"/>, uninitialised and advised for huge pages: <see cref="HugePages"/>)
    /// room for <paramref name="length"/> elements starting on an <paramref name="alignment"/>-byte boundary.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">length negative; alignment not a power of two at least the element size.</exception>
    public unsafe AlignedArray(int length, int alignment = CacheLine, bool hugePages = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (alignment < sizeof(T) || !int.IsPow2(alignment) || alignment % sizeof(T) != 0)
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, $"alignment must be a power of two of at least {sizeof(T)} bytes.");
        var slack = alignment / sizeof(T);
        var total = checked(length + slack);
        _array = hugePages ? HugePages.AllocatePinned<T>(total) : GC.AllocateArray<T>(total, pinned: true);
        var address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
        _offset = (int)((nuint)alignment - address % (nuint)alignment) % alignment / sizeof(T);
        Length = length;
        Alignment = alignment;
    }

    /// <summary>Usable elements.</summary>
    public int Length { get; }

    /// <summary>Bytes the first element's address is a multiple of.</summary>
    public int Alignment { get; }

    /// <summary>The <see cref="Length"/> usable elements.</summary>
    public Span<T> Span => MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _offset), Length);
}
