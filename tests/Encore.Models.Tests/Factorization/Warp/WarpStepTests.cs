using Encore.Core.Randomness;
using Encore.Models.Factorization.Warp;

namespace Encore.Models.Tests.Factorization.Warp;

public sealed class WarpStepTests
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(8, 2)]
    [InlineData(17, 3)]
    [InlineData(64, 4)]
    public void Apply_VectorLanes_EqualScalarFormulaExactly(int d, int seed)
    {
        var (u, gu, p, gp, n, gn) = Rows(d, seed);
        float[] eu = [.. u], egu = [.. gu], ep = [.. p], egp = [.. gp], en = [.. n], egn = [.. gn];
        const float loss = 2.3f, lr = 0.05f, reg = 0.01f;
        // The formula, one parameter at a time: g = dL/dtheta at the old values, G += g^2, theta -= lr g / sqrt(G).
        for (var f = 0; f < d; f++)
        {
            float uf = eu[f], pf = ep[f], nf = en[f];
            var dp = reg * pf - loss * uf;
            var dn = reg * nf + loss * uf;
            var du = loss * (nf - pf) + reg * uf;
            egp[f] += dp * dp;
            egn[f] += dn * dn;
            egu[f] += du * du;
            ep[f] = pf - lr * dp / MathF.Sqrt(egp[f]);
            en[f] = nf - lr * dn / MathF.Sqrt(egn[f]);
            eu[f] = uf - lr * du / MathF.Sqrt(egu[f]);
        }
        var dbp = reg * ep[d] - loss;
        var dbn = reg * en[d] + loss;
        egp[d] += dbp * dbp;
        egn[d] += dbn * dbn;
        ep[d] -= lr * dbp / MathF.Sqrt(egp[d]);
        en[d] -= lr * dbn / MathF.Sqrt(egn[d]);

        WarpStep.Apply(u, gu, p, gp, n, gn, d, loss, lr, reg);

        Assert.Equal(eu, u);
        Assert.Equal(egu, gu);
        Assert.Equal(ep, p);
        Assert.Equal(egp, gp);
        Assert.Equal(en, n);
        Assert.Equal(egn, gn);
    }

    [Fact]
    public void Apply_HandWorkedOneFactor_MovesScoresApart()
    {
        // d = 1, accumulators 1, no regularisation, L = 1: u = 0.5, q_i = 0.2, b_i = 0, q_j = 0.4, b_j = 0.
        // g_qi = -L u = -0.5 -> G = 1.25, q_i = 0.2 + 0.05 * 0.5 / sqrt(1.25); g_qj = +0.5 -> q_j = 0.4 - 0.05 * 0.5 / sqrt(1.25);
        // g_u = L (q_j - q_i) = 0.2 -> G = 1.04, u = 0.5 - 0.05 * 0.2 / sqrt(1.04); g_bi = -1 -> G = 2, b_i = 0.05 / sqrt 2; b_j = -0.05 / sqrt 2.
        float[] u = [0.5f, 1f], gu = [1f, 1f], p = [0.2f, 0f], gp = [1f, 1f], n = [0.4f, 0f], gn = [1f, 1f];
        WarpStep.Apply(u, gu, p, gp, n, gn, 1, 1f, 0.05f, 0f);
        Assert.Equal(0.2 + 0.025 / Math.Sqrt(1.25), p[0], 6);
        Assert.Equal(0.4 - 0.025 / Math.Sqrt(1.25), n[0], 6);
        Assert.Equal(0.5 - 0.01 / Math.Sqrt(1.04), u[0], 6);
        Assert.Equal(0.05 / Math.Sqrt(2), p[1], 6);
        Assert.Equal(-0.05 / Math.Sqrt(2), n[1], 6);
        Assert.Equal(1f, u[1]); // the user's constant entry is never written
        Assert.Equal(1.25, gp[0], 6);
        Assert.Equal(1.04, gu[0], 6);
    }

    private static (float[], float[], float[], float[], float[], float[]) Rows(int d, int seed)
    {
        var rng = new Rng((ulong)seed);
        float[] Row(float low, float high)
        {
            var row = new float[d + 1];
            for (var f = 0; f <= d; f++) row[f] = low + (high - low) * rng.NextFloat();
            return row;
        }
        var u = Row(-1, 1);
        u[d] = 1f;
        return (u, Row(1, 3), Row(-1, 1), Row(1, 3), Row(-1, 1), Row(1, 3));
    }
}
