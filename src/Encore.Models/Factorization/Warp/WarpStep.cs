using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Encore.Models.Factorization.Warp;

/// <summary>
/// One WARP step with per-parameter Adagrad: the gradient of L (1 - s_ui + s_uj) + reg/2 (|p_u|^2 + |q_i|^2 + |q_j|^2 +
/// b_i^2 + b_j^2) over the rows touched, s = p.q + b, then for each parameter G += g^2 and theta -= lr g / sqrt(G)
/// (LightFM's adagrad schedule: G starts at 1). Rows: user [p (d), 1], items [q (d), b]; the user's constant entry is
/// never written. Every gradient is taken at the values before the step.
/// </summary>
internal static class WarpStep
{
    /// <summary>Applies the step to the user row, the positive's and the negative's rows and their Adagrad accumulators.</summary>
    /// <param name="user">User row, length &gt;= d (entries past d are left alone).</param>
    /// <param name="userSquares">The user's Adagrad accumulators, same layout.</param>
    /// <param name="positive">Positive item row [q, b], length &gt;= d + 1.</param>
    /// <param name="positiveSquares">Its accumulators.</param>
    /// <param name="negative">Negative item row [q, b], a different item.</param>
    /// <param name="negativeSquares">Its accumulators.</param>
    /// <param name="d">Latent factors.</param>
    /// <param name="loss">The step's weight L (<see cref="WarpRank.Loss"/>).</param>
    /// <param name="learningRate">Adagrad base rate.</param>
    /// <param name="regularization">L2 coefficient.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(Span<float> user, Span<float> userSquares, Span<float> positive, Span<float> positiveSquares,
        Span<float> negative, Span<float> negativeSquares, int d, float loss, float learningRate, float regularization)
    {
        var f = 0;
        if (Vector256.IsHardwareAccelerated && d >= Vector256<float>.Count)
        {
            // Lane-wise the same operations in the same order as the scalar tail (no fused multiply-add), so the result
            // does not depend on the vector width and the scalar reference in the tests matches it exactly.
            ref var u = ref MemoryMarshal.GetReference(user);
            ref var gu = ref MemoryMarshal.GetReference(userSquares);
            ref var p = ref MemoryMarshal.GetReference(positive);
            ref var gp = ref MemoryMarshal.GetReference(positiveSquares);
            ref var n = ref MemoryMarshal.GetReference(negative);
            ref var gn = ref MemoryMarshal.GetReference(negativeSquares);
            var l = Vector256.Create(loss);
            var lr = Vector256.Create(learningRate);
            var reg = Vector256.Create(regularization);
            for (; f + 8 <= d; f += 8)
            {
                var uf = Vector256.LoadUnsafe(ref u, (nuint)f);
                var pf = Vector256.LoadUnsafe(ref p, (nuint)f);
                var nf = Vector256.LoadUnsafe(ref n, (nuint)f);
                var dp = reg * pf - l * uf;
                var dn = reg * nf + l * uf;
                var du = l * (nf - pf) + reg * uf;
                var sp = Vector256.LoadUnsafe(ref gp, (nuint)f) + dp * dp;
                var sn = Vector256.LoadUnsafe(ref gn, (nuint)f) + dn * dn;
                var su = Vector256.LoadUnsafe(ref gu, (nuint)f) + du * du;
                sp.StoreUnsafe(ref gp, (nuint)f);
                sn.StoreUnsafe(ref gn, (nuint)f);
                su.StoreUnsafe(ref gu, (nuint)f);
                (pf - lr * dp / Vector256.Sqrt(sp)).StoreUnsafe(ref p, (nuint)f);
                (nf - lr * dn / Vector256.Sqrt(sn)).StoreUnsafe(ref n, (nuint)f);
                (uf - lr * du / Vector256.Sqrt(su)).StoreUnsafe(ref u, (nuint)f);
            }
        }
        for (; f < d; f++)
        {
            float uf = user[f], pf = positive[f], nf = negative[f];
            var dp = regularization * pf - loss * uf;
            var dn = regularization * nf + loss * uf;
            var du = loss * (nf - pf) + regularization * uf;
            positiveSquares[f] += dp * dp;
            negativeSquares[f] += dn * dn;
            userSquares[f] += du * du;
            positive[f] = pf - learningRate * dp / MathF.Sqrt(positiveSquares[f]);
            negative[f] = nf - learningRate * dn / MathF.Sqrt(negativeSquares[f]);
            user[f] = uf - learningRate * du / MathF.Sqrt(userSquares[f]);
        }
        // Item biases: d s_ui / d b_i = 1, d s_uj / d b_j = 1.
        var dbp = regularization * positive[d] - loss;
        var dbn = regularization * negative[d] + loss;
        positiveSquares[d] += dbp * dbp;
        negativeSquares[d] += dbn * dbn;
        positive[d] -= learningRate * dbp / MathF.Sqrt(positiveSquares[d]);
        negative[d] -= learningRate * dbn / MathF.Sqrt(negativeSquares[d]);
    }
}
