using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Which register width the ALS conjugate-gradient kernels use: 512 bits (AVX-512F, 16 floats per register) where the
/// hardware has it, else 256 bits (AVX2 + FMA, 8 floats). Chosen once at start-up; the environment variable
/// <c>ENCORE_ALS_VECTOR_WIDTH=256</c> keeps an AVX-512 machine on the AVX2 kernels (tests set <see cref="Wide"/>
/// directly). The two paths compute the same formulas; the dense products, the weighted sums and the CG x / r / p
/// updates are bit-identical across them (each output sums its terms in the same order with one fused multiply-add
/// each), while every dot product reduces 16 lane chains instead of 8 (<see cref="SparseRowTerms.DotReference(ReadOnlySpan{float}, ReadOnlySpan{float}, int)"/>,
/// <see cref="CgUpdate"/>), so factors differ in the last bits (bench/results/models-kernels.md, "Session 16 ALS").
/// </summary>
internal static class VectorWidth
{
    private static bool _wide = Hardware && Environment.GetEnvironmentVariable("ENCORE_ALS_VECTOR_WIDTH") != "256";

    /// <summary>True when this machine runs the 512-bit kernels (AVX-512F with accelerated <see cref="Vector512"/>, and FMA).</summary>
    public static bool Hardware => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Fma.IsSupported;

    /// <summary>
    /// True while the kernels take their 512-bit path (for d a multiple of 16, <see cref="For"/>). Setting it true on a
    /// machine without <see cref="Hardware"/> leaves it false. Process-wide: a test that sets it must not run beside
    /// others that solve (the tests' "Vector width" collection runs alone).
    /// </summary>
    public static bool Wide
    {
        get => _wide;
        set => _wide = value && Hardware;
    }

    /// <summary>True when the 512-bit path runs for rows of <paramref name="d"/> floats (<see cref="Wide"/> and d a multiple of 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool For(int d) => _wide && d % 16 == 0;
}
