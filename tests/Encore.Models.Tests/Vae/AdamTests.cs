using Encore.Models.Vae;

namespace Encore.Models.Tests.Vae;

public sealed class AdamTests
{
    [Fact]
    public void Step_ThreeSteps_MatchTheBiasCorrectedFormula()
    {
        float[] w = [0.5f, -1.2f, 3f, 0f, 0.01f];
        float[] m = new float[5], v = new float[5];
        double[] ew = [.. w.Select(x => (double)x)], em = new double[5], ev = new double[5];
        float[][] gradients = [[0.3f, -2f, 0.001f, 5f, 0f], [-0.1f, -1f, 0.002f, 4f, 1e-6f], [0.2f, 0.5f, -0.003f, -3f, 0f]];
        const double lr = 0.01;
        for (var t = 1; t <= gradients.Length; t++)
        {
            var g = gradients[t - 1];
            for (var i = 0; i < w.Length; i++)
            {
                em[i] = (0.9 * em[i]) + (0.1 * g[i]);
                ev[i] = (0.999 * ev[i]) + (0.001 * g[i] * g[i]);
                var mHat = em[i] / (1 - Math.Pow(0.9, t));
                var vHat = ev[i] / (1 - Math.Pow(0.999, t));
                ew[i] -= lr * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
            Adam.Step(w, [.. g], m, v, t, (float)lr);
        }
        for (var i = 0; i < w.Length; i++) Assert.Equal(ew[i], w[i], 5);
    }

    [Fact]
    public void Step_FirstStep_MovesEachWeightByTheRateAgainstItsGradientSign()
    {
        // At t = 1, m_hat = g and v_hat = g^2: the step is lr g / (|g| + eps), i.e. lr against the gradient's sign.
        float[] w = [1f, 1f], m = new float[2], v = new float[2];
        Adam.Step(w, [4f, -0.5f], m, v, 1, 0.1f);
        Assert.Equal(0.9f, w[0], 5);
        Assert.Equal(1.1f, w[1], 5);
    }

    [Fact]
    public void Step_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => Adam.Step(new float[2], new float[3], new float[2], new float[2], 1, 0.1f));
}
