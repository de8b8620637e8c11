using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// bfloat16 copies of factor rows (a float's upper 16 bits: its sign, all 8 exponent bits and the top 7 mantissa bits,
/// relative rounding at most 2^-9), stored in a <em>paired</em> layout so that widening needs one vector operation per 16
/// floats: in each run of 32 floats c .. c + 31 (rows of d, d a multiple of 32, so a whole matrix is such runs), the 32-bit
/// word i (i below 16) holds float c + i in its low half and float c + 16 + i in its high half. A 512-bit load of 64 bytes
/// then gives floats c .. c + 15 as the words shifted left 16 and floats c + 16 .. c + 31 as the words with the low half
/// cleared (<see cref="Widen"/>; IEEE half needs four operations per 16 floats without an F16C intrinsic, which this runtime
/// does not expose). <see cref="Narrow"/> rounds to the nearest bfloat16, ties to even.
/// </summary>
internal static class BFloat16Rows
{
    /// <summary>Floats per paired run.</summary>
    public const int Run = 32;

    private const uint HighHalf = 0xFFFF0000u;

    /// <summary>True when rows of <paramref name="d"/> floats can be copied and widened here (d a multiple of 32, AVX2).</summary>
    public static bool Supported(int d) => Avx2.IsSupported && d > 0 && d % Run == 0;

    /// <summary>The bfloat16 nearest x (ties to even), as its bits; x finite (a value near float's maximum may round to infinity).</summary>
    public static ushort Round(float x)
    {
        var u = BitConverter.SingleToUInt32Bits(x);
        return (ushort)((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);
    }

    /// <summary>The float of a bfloat16's bits (exact).</summary>
    public static float WidenReference(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

    /// <summary>x rounded to the nearest bfloat16 and back: what a widened copy holds for x.</summary>
    public static float Rounded(float x) => WidenReference(Round(x));

    /// <summary>
    /// words[i] for the paired copy of source (a multiple of <see cref="Run"/> floats): word c / 2 + i of run c holds
    /// <see cref="Round"/>(source[c + i]) low and <see cref="Round"/>(source[c + 16 + i]) high.
    /// </summary>
    /// <exception cref="ArgumentException">source not a multiple of 32 floats, or words shorter than half of it.</exception>
    public static void Narrow(ReadOnlySpan<float> source, Span<uint> words)
    {
        if (source.Length % Run != 0 || words.Length < source.Length / 2)
            throw new ArgumentException($"bfloat16 copy: {source.Length} floats (a multiple of {Run}) into {words.Length} words.");
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var w = ref MemoryMarshal.GetReference(words);
        var c = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var one = Vector512.Create(1u);
            var bias = Vector512.Create(0x7FFFu);
            var high = Vector512.Create(HighHalf);
            for (; c < source.Length; c += Run)
            {
                var lo = Vector512.LoadUnsafe(ref Unsafe.As<float, uint>(ref Unsafe.Add(ref s, c)));
                var hi = Vector512.LoadUnsafe(ref Unsafe.As<float, uint>(ref Unsafe.Add(ref s, c + 16)));
                lo = Vector512.ShiftRightLogical(lo + bias + (Vector512.ShiftRightLogical(lo, 16) & one), 16);
                hi = (hi + bias + (Vector512.ShiftRightLogical(hi, 16) & one)) & high;
                (lo | hi).StoreUnsafe(ref w, (nuint)(c / 2));
            }
            return;
        }
        for (; c < source.Length; c += Run)
            for (var i = 0; i < 16; i++)
                Unsafe.Add(ref w, c / 2 + i) = Round(Unsafe.Add(ref s, c + i)) | ((uint)Round(Unsafe.Add(ref s, c + 16 + i)) << 16);
    }

    /// <summary>
    /// target[0..d) = the floats of one paired row (d / 2 words at <paramref name="source"/>; d a multiple of 32, AVX2).
    /// With <paramref name="wide"/> (AVX-512) 16 words at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Widen(ref uint source, ref float target, int d, bool wide)
    {
        if (wide)
        {
            var high = Vector512.Create(HighHalf);
            for (var c = 0; c < d; c += Run)
            {
                var x = Vector512.LoadUnsafe(ref source, (nuint)(c / 2));
                Vector512.ShiftLeft(x, 16).AsSingle().StoreUnsafe(ref target, (nuint)c);
                (x & high).AsSingle().StoreUnsafe(ref target, (nuint)(c + 16));
            }
            return;
        }
        var high8 = Vector256.Create(HighHalf);
        for (var c = 0; c < d; c += Run)
        {
            var x0 = Vector256.LoadUnsafe(ref source, (nuint)(c / 2));
            var x1 = Vector256.LoadUnsafe(ref source, (nuint)(c / 2 + 8));
            Vector256.ShiftLeft(x0, 16).AsSingle().StoreUnsafe(ref target, (nuint)c);
            Vector256.ShiftLeft(x1, 16).AsSingle().StoreUnsafe(ref target, (nuint)(c + 8));
            (x0 & high8).AsSingle().StoreUnsafe(ref target, (nuint)(c + 16));
            (x1 & high8).AsSingle().StoreUnsafe(ref target, (nuint)(c + 24));
        }
    }

    /// <summary>The float at position f of a paired row (the definition <see cref="Widen"/> is tested against).</summary>
    public static float At(ReadOnlySpan<uint> row, int f)
    {
        var run = f / Run * Run;
        var i = f - run;
        var word = row[run / 2 + i % 16];
        return BitConverter.UInt32BitsToSingle(i < 16 ? word << 16 : word & HighHalf);
    }
}
