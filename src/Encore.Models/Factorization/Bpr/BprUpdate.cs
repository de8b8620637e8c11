using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// The arithmetic of one BPR SGD step on (u, i, j) vectors of d latent entries plus a bias entry (the user's
/// is 1), Rendle et al. (2009): x = u . (i - j), z = sigmoid(-x), then with a = 1 - lr reg and b = lr z
/// u' = a u + b (i - j), i' = a i + b u, j' = a j - b u (the old u), and the item biases b_i' = a b_i + b,
/// b_j' = a b_j - b. This is lr (z (i - j) - reg u) etc. rearranged so that every update is one multiply and one
/// fused multiply-add (FMA, a single rounding), and the score accumulates with FMA too. The latent part runs
/// 8 lanes at a time; the scalar tail uses <see cref="MathF.FusedMultiplyAdd"/>, which rounds exactly like the
/// vector FMA, so the updates do not depend on the vector width (only the dot product's summation order does).
/// </summary>
internal static class BprUpdate
{
    /// <summary>Returns x = u . (i - j) over all the spans' entries (equal lengths), FMA-accumulated 8 lanes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ur, (nuint)f), Vector256.LoadUnsafe(ref ir, (nuint)f) - Vector256.LoadUnsafe(ref jr, (nuint)f), acc);
            x = Vector256.Sum(acc);
        }
        for (; f < u.Length; f++) x = MathF.FusedMultiplyAdd(u[f], i[f] - j[f], x);
        return x;
    }

    /// <summary>
    /// One SGD step on the training layout: <paramref name="u"/>, <paramref name="i"/>, <paramref name="j"/> point at d latent
    /// floats each, the item biases are <paramref name="bias"/>[<paramref name="i0"/>] and [<paramref name="j0"/>] (the user's bias
    /// entry is the constant 1). Computes x = u . (i - j) + (b_i - b_j) (the model layout's score over d + 1 entries, in the same
    /// order), z = sigmoid(-x) from one exp, and applies <see cref="ApplyLatent"/> and the bias updates with b = lr z. Returns x;
    /// <paramref name="e"/> = exp(-|x|), for the loss (<see cref="BprLossSum.Add"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe float Step(float* u, float* i, float* j, float* bias, int i0, int j0, int d, float lr, float decay, out float e) =>
        Step(u, i, j, bias + i0, bias + j0, d, lr, decay, out e);

    /// <summary>
    /// The same step with the item biases at <paramref name="biasI"/> and <paramref name="biasJ"/> (wherever the rows' owner keeps
    /// them, e.g. a worker's copy of the hot items: <see cref="BprItemCopies"/>). Same arithmetic, bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe float Step(float* u, float* i, float* j, float* biasI, float* biasJ, int d, float lr, float decay, out float e)
    {
        var us = new Span<float>(u, d);
        var iv = new Span<float>(i, d);
        var jv = new Span<float>(j, d);
        var bi = *biasI;
        var bj = *biasJ;
        var x = Score(us, iv, jv) + (bi - bj);
        // sigmoid(-x) = 1 / (1 + exp(x)), from e = exp(-|x|) whatever the sign of x.
        e = MathF.Exp(-MathF.Abs(x));
        var z = x >= 0 ? e / (1f + e) : 1f / (1f + e);
        var step = lr * z;
        ApplyLatent(us, iv, jv, decay, step);
        *biasI = MathF.FusedMultiplyAdd(decay, bi, step);
        *biasJ = MathF.FusedMultiplyAdd(decay, bj, -step);
        return x;
    }

    /// <summary>The weight-decay factor a = 1 - lr reg of every update.</summary>
    public static float Decay(float lr, float reg) => 1f - lr * reg;

    /// <summary>Applies the step for z = sigmoid(-x) to the d latent entries and the two item biases (entry d).</summary>
    public static void Apply(Span<float> u, Span<float> i, Span<float> j, int d, float z, float lr, float reg)
    {
        var a = Decay(lr, reg);
        var b = lr * z;
        ApplyLatent(u[..d], i[..d], j[..d], a, b);
        i[d] = MathF.FusedMultiplyAdd(a, i[d], b);
        j[d] = MathF.FusedMultiplyAdd(a, j[d], -b);
    }

    /// <summary>
    /// Applies u' = a u + b (i - j), i' = a i + b u, j' = a j - b u to the latent entries only (all of the spans,
    /// which have equal lengths d); a = <see cref="Decay"/>, b = lr z.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ApplyLatent(Span<float> u, Span<float> i, Span<float> j, float a, float b)
    {
        var d = u.Length;
        var f = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var ur = ref MemoryMarshal.GetReference(u);
            ref var ir = ref MemoryMarshal.GetReference(i);
            ref var jr = ref MemoryMarshal.GetReference(j);
            var av = Vector256.Create(a);
            var bv = Vector256.Create(b);
            var nbv = Vector256.Create(-b);
            for (; f + 8 <= d; f += 8)
            {
                var uf = Vector256.LoadUnsafe(ref ur, (nuint)f);
                var iv = Vector256.LoadUnsafe(ref ir, (nuint)f);
                var jv = Vector256.LoadUnsafe(ref jr, (nuint)f);
                Vector256.FusedMultiplyAdd(bv, iv - jv, av * uf).StoreUnsafe(ref ur, (nuint)f);
                Vector256.FusedMultiplyAdd(bv, uf, av * iv).StoreUnsafe(ref ir, (nuint)f);
                Vector256.FusedMultiplyAdd(nbv, uf, av * jv).StoreUnsafe(ref jr, (nuint)f);
            }
        }
        for (; f < d; f++)
        {
            var uf = u[f];
            var iv = i[f];
            var jv = j[f];
            u[f] = MathF.FusedMultiplyAdd(b, iv - jv, a * uf);
            i[f] = MathF.FusedMultiplyAdd(b, uf, a * iv);
            j[f] = MathF.FusedMultiplyAdd(-b, uf, a * jv);
        }
    }
}
