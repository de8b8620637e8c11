using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Encore.Core.Memory;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// A training copy of a rows x d factor matrix whose every row starts on a 64-byte cache line: rows are
/// <see cref="Stride"/> floats apart (d rounded up to a multiple of 16, the padding zero). A kernel that reads
/// random rows (SGD) then touches ceil(d / 16) cache lines per row instead of one more whenever a row
/// straddles a line boundary: 4 lines for d = 64 against 5 for the 65-float rows of the model layout.
/// The buffer is a pinned array, so <see cref="Base"/> stays valid while this object is alive.
/// </summary>
internal sealed unsafe class AlignedRows
{
    /// <summary>Bytes of a cache line (the row alignment).</summary>
    public const int LineBytes = AlignedArray<float>.CacheLine;

    private const int LineFloats = LineBytes / sizeof(float);

    private readonly AlignedArray<float> _buffer;

    /// <summary>A zeroed rows x d matrix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or d negative, or the matrix too large for one array.</exception>
    public AlignedRows(int rows, int d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        Rows = rows;
        Dimensions = d;
        Stride = (d + LineFloats - 1) / LineFloats * LineFloats;
        var length = (long)rows * Stride;
        if (length + LineFloats > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"{rows} rows of {Stride} floats do not fit in one array.");
        _buffer = new AlignedArray<float>((int)length, LineBytes);
        Base = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(_buffer.Span));
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Used floats per row (d).</summary>
    public int Dimensions { get; }

    /// <summary>Floats from one row's start to the next (a multiple of 16).</summary>
    public int Stride { get; }

    /// <summary>Row 0; row r starts at Base + r * <see cref="Stride"/>, 64-byte aligned.</summary>
    public float* Base { get; }

    /// <summary>Every row including its padding (the padding stays zero), for whole-matrix checks.</summary>
    public ReadOnlySpan<float> All => _buffer.Span;

    /// <summary>Row <paramref name="row"/>'s d floats.</summary>
    public Span<float> Row(int row) => _buffer.Span.Slice(row * Stride, Dimensions);

    /// <summary>Copies the first d entries of each row of a row-major matrix with <paramref name="width"/> floats per row.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is too short or width &lt; d.</exception>
    public void CopyFrom(ReadOnlySpan<float> source, int width)
    {
        Check(source.Length, width);
        for (var r = 0; r < Rows; r++) source.Slice(r * width, Dimensions).CopyTo(Row(r));
    }

    /// <summary>Writes each row into the first d entries of a row-major matrix with <paramref name="width"/> floats per row.</summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is too short or width &lt; d.</exception>
    public void CopyTo(Span<float> target, int width)
    {
        Check(target.Length, width);
        for (var r = 0; r < Rows; r++) Row(r).CopyTo(target.Slice(r * width, Dimensions));
    }

    private void Check(int length, int width)
    {
        if (width < Dimensions || length < (long)Rows * width)
            throw new ArgumentException($"a {Rows} x {width} row-major matrix cannot hold {Rows} rows of {Dimensions} factors.");
    }
}
