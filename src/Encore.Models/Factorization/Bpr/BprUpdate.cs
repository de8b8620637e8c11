using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// The arithmetic of one BPR SGD step on (u, i, j) vectors of d latent entries plus a bias entry (the user's
/// is 1): x = u . (i - j), z = sigmoid(-x), then u += lr (z (i - j) - reg u), i += lr (z u - reg i),
/// j += lr (-z u - reg j) with the old u, and the item biases move by lr (+-z - reg b). The latent part runs
/// 8 lanes at a time; lane-wise add / multiply round exactly like the scalar tail, so the updates do not
/// depend on the vector width (only the dot product's summation order does).
/// </summary>
internal static class BprUpdate
{
    /// <summary>Returns x = u . (i - j) over all d + 1 entries.</summary>
    public static float Score(ReadOnlySpan<float> u, ReadOnlySpan<float> i, ReadOnlySpan<float> j)
    {
        var f = 0;
        var x = 0f;
        if (Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<float>.Zero;
            ref var ur = ref MemoryMarshal.GetReference(u);
            ref var ir = ref MemoryMarshal.GetReference(i);
            ref var jr = ref MemoryMarshal.GetReference(j);
            for (; f + 8 <= u.Length; f += 8)
                acc += Vector256.LoadUnsafe(ref ur, (nuint)f) * (Vector256.LoadUnsafe(ref ir, (nuint)f) - Vector256.LoadUnsafe(ref jr, (nuint)f));
            x = Vector256.Sum(acc);
        }
        for (; f < u.Length; f++) x += u[f] * (i[f] - j[f]);
        return x;
    }

    /// <summary>Applies the step for z = sigmoid(-x) to the d latent entries and the two item biases (entry d).</summary>
    public static void Apply(Span<float> u, Span<float> i, Span<float> j, int d, float z, float lr, float reg)
    {
        ApplyLatent(u[..d], i[..d], j[..d], z, lr, reg);
        i[d] += lr * (z - reg * i[d]);
        j[d] += lr * (-z - reg * j[d]);
    }

    /// <summary>Applies the step for z = sigmoid(-x) to the latent entries only (all of the spans, which have equal lengths d).</summary>
    [SkipLocalsInit]
    public static void ApplyLatent(Span<float> u, Span<float> i, Span<float> j, float z, float lr, float reg)
    {
        var d = u.Length;
        var f = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var ur = ref MemoryMarshal.GetReference(u);
            ref var ir = ref MemoryMarshal.GetReference(i);
            ref var jr = ref MemoryMarshal.GetReference(j);
            var zv = Vector256.Create(z);
            var lrv = Vector256.Create(lr);
            var regv = Vector256.Create(reg);
            for (; f + 8 <= d; f += 8)
            {
                var uf = Vector256.LoadUnsafe(ref ur, (nuint)f);
                var iv = Vector256.LoadUnsafe(ref ir, (nuint)f);
                var jv = Vector256.LoadUnsafe(ref jr, (nuint)f);
                (uf + lrv * (zv * (iv - jv) - regv * uf)).StoreUnsafe(ref ur, (nuint)f);
                (iv + lrv * (zv * uf - regv * iv)).StoreUnsafe(ref ir, (nuint)f);
                (jv + lrv * (-zv * uf - regv * jv)).StoreUnsafe(ref jr, (nuint)f);
            }
        }
        for (; f < d; f++)
        {
            var uf = u[f];
            var iv = i[f];
            var jv = j[f];
            u[f] = uf + lr * (z * (iv - jv) - reg * uf);
            i[f] = iv + lr * (z * uf - reg * iv);
            j[f] = jv + lr * (-z * uf - reg * jv);
        }
    }
}
