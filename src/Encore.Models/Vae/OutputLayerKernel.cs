using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Encore.Models.Vae;

/// <summary>
/// The decoder's output layer for a block of users: logits[b, c] = bias[c] + sum over j = 0, 1, ... of hidden[b, j] W[j, c],
/// each score one fused multiply-add chain in j order from the bias. Register-blocked: four users times 64 columns (16
/// 512-bit accumulators; 32 columns of 256-bit ones without AVX-512) per sweep of a column panel, so each panel of W is
/// read once per four users and the scores stay in registers across all of j. Every path (AVX-512, AVX2, scalar) and
/// every grouping of users performs the same chain per score, so a user scored alone gets the bits it gets in a block.
/// </summary>
internal static class OutputLayerKernel
{
    private const int Users = 4;

    /// <param name="hidden">count x h, row-major.</param>
    /// <param name="count">Users in the block.</param>
    /// <param name="h">Hidden width (rows of W).</param>
    /// <param name="w">h x width, row-major (width = bias length).</param>
    /// <param name="bias">width.</param>
    /// <param name="logits">count x width, row-major, overwritten.</param>
    /// <exception cref="ArgumentException">A buffer is shorter than its shape.</exception>
    public static void Multiply(ReadOnlySpan<float> hidden, int count, int h, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, Span<float> logits)
    {
        var width = bias.Length;
        if (hidden.Length < (long)count * h || w.Length < (long)h * width || logits.Length < (long)count * width)
            throw new ArgumentException($"VAE output layer: {count} x {h} hidden, {h} x {width} weights, {count} x {width} logits.");
        ref var hr = ref MemoryMarshal.GetReference(hidden);
        ref var wr = ref MemoryMarshal.GetReference(w);
        ref var br = ref MemoryMarshal.GetReference(bias);
        ref var lr = ref MemoryMarshal.GetReference(logits);
        var c = 0;
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            for (; c + 64 <= width; c += 64) Panel512(ref hr, count, h, ref wr, ref br, ref lr, width, c);
        if (Fma.IsSupported)
            for (; c + 32 <= width; c += 32) Panel256(ref hr, count, h, ref wr, ref br, ref lr, width, c);
        for (; c < width; c++)
            for (var b = 0; b < count; b++)
            {
                var acc = Unsafe.Add(ref br, c);
                for (var j = 0; j < h; j++) acc = MathF.FusedMultiplyAdd(Unsafe.Add(ref wr, (nint)j * width + c), Unsafe.Add(ref hr, b * h + j), acc);
                Unsafe.Add(ref lr, (nint)b * width + c) = acc;
            }
    }

    // Columns c .. c + 63: users four at a time (16 accumulators), then one at a time.
    private static void Panel512(ref float hr, int count, int h, ref float wr, ref float br, ref float lr, int width, int c)
    {
        ref var bias = ref Unsafe.Add(ref br, c);
        var b = 0;
        for (; b + Users <= count; b += Users)
        {
            var a00 = Vector512.LoadUnsafe(ref bias); var a01 = Vector512.LoadUnsafe(ref bias, 16);
            var a02 = Vector512.LoadUnsafe(ref bias, 32); var a03 = Vector512.LoadUnsafe(ref bias, 48);
            var (a10, a11, a12, a13) = (a00, a01, a02, a03);
            var (a20, a21, a22, a23) = (a00, a01, a02, a03);
            var (a30, a31, a32, a33) = (a00, a01, a02, a03);
            ref var h0 = ref Unsafe.Add(ref hr, b * h);
            for (var j = 0; j < h; j++)
            {
                ref var row = ref Unsafe.Add(ref wr, (nint)j * width + c);
                var w0 = Vector512.LoadUnsafe(ref row); var w1 = Vector512.LoadUnsafe(ref row, 16);
                var w2 = Vector512.LoadUnsafe(ref row, 32); var w3 = Vector512.LoadUnsafe(ref row, 48);
                var x = Vector512.Create(Unsafe.Add(ref h0, j));
                a00 = Avx512F.FusedMultiplyAdd(w0, x, a00); a01 = Avx512F.FusedMultiplyAdd(w1, x, a01);
                a02 = Avx512F.FusedMultiplyAdd(w2, x, a02); a03 = Avx512F.FusedMultiplyAdd(w3, x, a03);
                x = Vector512.Create(Unsafe.Add(ref h0, h + j));
                a10 = Avx512F.FusedMultiplyAdd(w0, x, a10); a11 = Avx512F.FusedMultiplyAdd(w1, x, a11);
                a12 = Avx512F.FusedMultiplyAdd(w2, x, a12); a13 = Avx512F.FusedMultiplyAdd(w3, x, a13);
                x = Vector512.Create(Unsafe.Add(ref h0, 2 * h + j));
                a20 = Avx512F.FusedMultiplyAdd(w0, x, a20); a21 = Avx512F.FusedMultiplyAdd(w1, x, a21);
                a22 = Avx512F.FusedMultiplyAdd(w2, x, a22); a23 = Avx512F.FusedMultiplyAdd(w3, x, a23);
                x = Vector512.Create(Unsafe.Add(ref h0, 3 * h + j));
                a30 = Avx512F.FusedMultiplyAdd(w0, x, a30); a31 = Avx512F.FusedMultiplyAdd(w1, x, a31);
                a32 = Avx512F.FusedMultiplyAdd(w2, x, a32); a33 = Avx512F.FusedMultiplyAdd(w3, x, a33);
            }
            Store512(ref lr, width, b, c, a00, a01, a02, a03);
            Store512(ref lr, width, b + 1, c, a10, a11, a12, a13);
            Store512(ref lr, width, b + 2, c, a20, a21, a22, a23);
            Store512(ref lr, width, b + 3, c, a30, a31, a32, a33);
        }
        for (; b < count; b++)
        {
            var a0 = Vector512.LoadUnsafe(ref bias); var a1 = Vector512.LoadUnsafe(ref bias, 16);
            var a2 = Vector512.LoadUnsafe(ref bias, 32); var a3 = Vector512.LoadUnsafe(ref bias, 48);
            ref var h0 = ref Unsafe.Add(ref hr, b * h);
            for (var j = 0; j < h; j++)
            {
                ref var row = ref Unsafe.Add(ref wr, (nint)j * width + c);
                var x = Vector512.Create(Unsafe.Add(ref h0, j));
                a0 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row), x, a0);
                a1 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 16), x, a1);
                a2 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 32), x, a2);
                a3 = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 48), x, a3);
            }
            Store512(ref lr, width, b, c, a0, a1, a2, a3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(ref float lr, int width, int b, int c, Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3)
    {
        ref var o = ref Unsafe.Add(ref lr, (nint)b * width + c);
        a0.StoreUnsafe(ref o); a1.StoreUnsafe(ref o, 16); a2.StoreUnsafe(ref o, 32); a3.StoreUnsafe(ref o, 48);
    }

    // Columns c .. c + 31 with 256-bit vectors (AVX2 + FMA), one user at a time: the same chain per score.
    private static void Panel256(ref float hr, int count, int h, ref float wr, ref float br, ref float lr, int width, int c)
    {
        ref var bias = ref Unsafe.Add(ref br, c);
        for (var b = 0; b < count; b++)
        {
            var a0 = Vector256.LoadUnsafe(ref bias); var a1 = Vector256.LoadUnsafe(ref bias, 8);
            var a2 = Vector256.LoadUnsafe(ref bias, 16); var a3 = Vector256.LoadUnsafe(ref bias, 24);
            ref var h0 = ref Unsafe.Add(ref hr, b * h);
            for (var j = 0; j < h; j++)
            {
                ref var row = ref Unsafe.Add(ref wr, (nint)j * width + c);
                var x = Vector256.Create(Unsafe.Add(ref h0, j));
                a0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row), x, a0);
                a1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 8), x, a1);
                a2 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 16), x, a2);
                a3 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, 24), x, a3);
            }
            ref var o = ref Unsafe.Add(ref lr, (nint)b * width + c);
            a0.StoreUnsafe(ref o); a1.StoreUnsafe(ref o, 8); a2.StoreUnsafe(ref o, 16); a3.StoreUnsafe(ref o, 24);
        }
    }
}
