using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// IEEE 754 binary16 ("half": 1 sign, 5 exponent, 10 mantissa bits; largest finite 65504) copies of factor rows, stored
/// as their raw bits (<see cref="ushort"/>): <see cref="Narrow"/> rounds floats to the nearest half (ties to even,
/// <see cref="TensorPrimitives.ConvertToHalf"/>), <see cref="Widen"/> turns 8 halves at a time back into floats with three
/// AVX2 operations and a multiply (this runtime exposes no F16C intrinsic): the bits shifted into a float's place and
/// multiplied by 2^112 (exact for normal and subnormal halves, signs and -0 included). Widening is exact, so a widened row equals
/// <c>(float)(Half)x</c> element for element.
/// </summary>
internal static class HalfRows
{
    /// <summary>Largest magnitude a float may have to be narrowed without overflowing to infinity (the largest finite half).</summary>
    public const float MaxFinite = 65504f;

    private const int Lanes = 8;

    /// <summary>True when <see cref="Widen"/> runs here (AVX2) for rows of <paramref name="d"/> (a multiple of 8).</summary>
    public static bool Supported(int d) => Avx2.IsSupported && d % Lanes == 0;

    /// <summary>
    /// bits[i] = the half nearest source[i], as raw bits. False (bits unspecified) when some |source[i]| exceeds
    /// <see cref="MaxFinite"/> or is not finite: the copy would hold infinities.
    /// </summary>
    /// <exception cref="ArgumentException">bits shorter than source.</exception>
    public static bool Narrow(ReadOnlySpan<float> source, Span<ushort> bits)
    {
        if (bits.Length < source.Length) throw new ArgumentException($"half copy: {bits.Length} slots for {source.Length} floats.", nameof(bits));
        if (source.IsEmpty) return true;
        var largest = TensorPrimitives.MaxMagnitude(source);
        if (!(Math.Abs(largest) <= MaxFinite)) return false;
        TensorPrimitives.ConvertToHalf(source, System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, Half>(bits[..source.Length]));
        return true;
    }

    /// <summary>
    /// target[0..d) = the floats of the halves source[0..d) (d a multiple of 8, AVX2; see <see cref="Supported"/>). A
    /// half with exponent 31 (infinity, NaN) is not expected (<see cref="Narrow"/> refuses them) and widens to a finite
    /// 65536-131008. With <paramref name="wide"/> (the caller checked <see cref="VectorWidth.For"/> d) 16 halves at a time
    /// in 512-bit registers, the same operations lane for lane, so the same floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Widen(ref ushort source, ref float target, int d, bool wide = false)
    {
        if (wide)
        {
            WidenWide(ref source, ref target, d);
            return;
        }
        // Sign-extended to 32 bits and shifted left 13, a half's sign lands on the float's sign bit and its exponent and
        // mantissa on the float's low exponent bits and mantissa; the mask clears the three copies of the sign in between.
        var mask = Vector256.Create(unchecked((int)0x8FFFE000));
        var scale = Vector256.Create((127 + 112) << 23).AsSingle(); // 2^112: exponent bias 15 -> 127
        ref var halves = ref Unsafe.As<ushort, short>(ref source);
        for (var f = 0; f < d; f += Lanes)
        {
            var h = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref halves, (nuint)f));
            ((Vector256.ShiftLeft(h, 13) & mask).AsSingle() * scale).StoreUnsafe(ref target, (nuint)f);
        }
    }

    // Widen's operations on 16 lanes (d a multiple of 16, AVX-512F).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WidenWide(ref ushort source, ref float target, int d)
    {
        var mask = Vector512.Create(unchecked((int)0x8FFFE000));
        var scale = Vector512.Create((127 + 112) << 23).AsSingle();
        ref var halves = ref Unsafe.As<ushort, short>(ref source);
        for (var f = 0; f < d; f += 2 * Lanes)
        {
            var h = Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref halves, (nuint)f));
            ((Vector512.ShiftLeft(h, 13) & mask).AsSingle() * scale).StoreUnsafe(ref target, (nuint)f);
        }
    }

    /// <summary>The float of one half's bits (the definition <see cref="Widen"/> is tested against).</summary>
    public static float WidenReference(ushort bits) => (float)BitConverter.UInt16BitsToHalf(bits);
}
