using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Vae;

namespace Encore.Models.Tests.Vae;

public sealed class VaeGradientTests
{
    // 4 users x 6 items, log1p-like values; users 0, 2, 3 form the batch.
    private static readonly CsrMatrix X = CsrMatrix.FromTriples(4, 6,
        [0, 0, 0, 1, 2, 2, 3, 3, 3, 3],
        [0, 2, 5, 1, 3, 4, 0, 1, 2, 5],
        [1.5f, 0.7f, 2.2f, 1f, 3f, 0.4f, 1f, 1f, 2f, 0.5f]);

    [Theory]
    [InlineData(true, 0f)]
    [InlineData(true, 0.7f)]
    [InlineData(false, 0f)]
    public void Compute_Gradient_MatchesCentralFiniteDifferences(bool variational, float beta)
    {
        var (p, g, batch) = Tiny(variational);
        var rng = new Rng(5);
        batch.Load(X, [0, 2, 3], 0f, sample: true, ref rng);
        batch.Compute(beta);
        const float h = 1e-2f;
        for (var t = 0; t < p.Tensors.Length; t++)
        {
            var w = p.Tensors[t];
            for (var i = 0; i < w.Length; i++)
            {
                var keep = w[i];
                w[i] = keep + h;
                var up = batch.Compute(beta, gradient: false);
                w[i] = keep - h;
                var down = batch.Compute(beta, gradient: false);
                w[i] = keep;
                var numeric = (up - down) / (2 * h);
                var analytic = g.Tensors[t][i];
                Assert.True(Math.Abs(numeric - analytic) <= 2e-3 + (2e-2 * Math.Abs(numeric)),
                    $"tensor {t} entry {i}: analytic {analytic}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void Compute_Loss_IsMultinomialLikelihoodPlusBetaKl()
    {
        // The loss written out for one user without dropout or noise: -sum_i x_i log softmax_i(logits) + beta KL(mu, logvar).
        var (p, _, batch) = Tiny(variational: true);
        var rng = new Rng(1);
        batch.Load(X, [3], 0f, sample: false, ref rng);
        var loss = batch.Compute(0.5f, gradient: false);

        int[] items = [0, 1, 2, 5];
        float[] x = [1f, 1f, 2f, 0.5f];
        var norm = Math.Sqrt(x.Sum(v => (double)v * v));
        double[] Layer(double[] input, float[] w, float[] b, int width, int stride = 0, bool tanh = true)
        {
            stride = stride == 0 ? width : stride;
            var output = new double[width];
            for (var j = 0; j < width; j++)
            {
                var s = (double)b[j];
                for (var i = 0; i < input.Length; i++) s += input[i] * w[(i * stride) + j];
                output[j] = tanh ? Math.Tanh(s) : s;
            }
            return output;
        }
        var input = new double[6];
        for (var i = 0; i < items.Length; i++) input[items[i]] = x[i] / norm;
        var h1 = Layer(input, p.W1, p.B1, 4);
        var code = Layer(h1, p.Wq, p.Bq, 6, tanh: false);
        double[] mu = code[..3], logVariance = code[3..];
        var h2 = Layer(mu, p.Wd1, p.Bd1, 4);
        var logits = Layer(h2, p.Wd2, p.Bd2, 6, tanh: false);
        var logSum = Math.Log(logits.Sum(Math.Exp));
        var nll = -items.Select((item, i) => x[i] * (logits[item] - logSum)).Sum();
        var kl = 0.5 * mu.Select((m, j) => -logVariance[j] + Math.Exp(logVariance[j]) + (m * m) - 1).Sum();
        Assert.Equal(nll + (0.5 * kl), loss, 4);
    }

    [Fact]
    public void Load_Dropout_ZeroesSomeEntriesAndScalesTheRest()
    {
        var (_, _, batch) = Tiny(variational: false);
        // Dropout 0.5 over 10 entries with a fixed seed: the forward pass differs from the undropped one.
        var rng = new Rng(3);
        batch.Load(X, [0, 1, 2, 3], 0f, sample: false, ref rng);
        var whole = batch.Compute(0f, gradient: false);
        rng = new Rng(3);
        batch.Load(X, [0, 1, 2, 3], 0.5f, sample: false, ref rng);
        Assert.NotEqual(whole, batch.Compute(0f, gradient: false));
    }

    private static (VaeParameters P, VaeParameters G, VaeBatch Batch) Tiny(bool variational)
    {
        var p = new VaeParameters(6, 4, 3, variational);
        var g = new VaeParameters(6, 4, 3, variational);
        var rng = new Rng(11);
        p.Initialise(ref rng);
        // Non-zero biases so that their gradients are checked away from the symmetric start.
        foreach (var b in new[] { p.B1, p.Bq, p.Bd1, p.Bd2 })
            for (var i = 0; i < b.Length; i++) b[i] = (rng.NextFloat() - 0.5f) * 0.6f;
        return (p, g, new VaeBatch(p, g, 4, X.NonZeros, threads: 1));
    }
}
