using System.Numerics.Tensors;

namespace Encore.Models.Vae;

/// <summary>
/// The scoring half of a fitted autoencoder over k modelled items: encoder mean and decoder, no sampling, no dropout.
/// f(x) = Wd2^T tanh(Wd1^T mu + bd1) + bd2 with mu = Wmu^T tanh(W1^T x_hat + b1) + bmu and x_hat = x / ||x||_2; the
/// logits rank the items as the softmax does. Arrays row-major: W1 k x h, Wmu h x l, Wd1 l x h, Wd2 h x k.
/// </summary>
internal sealed class VaeNetwork
{
    public VaeNetwork(int hidden, int latent, float[] w1, float[] b1, float[] wMu, float[] bMu, float[] wd1, float[] bd1, float[] wd2, float[] bd2)
    {
        Hidden = hidden;
        Latent = latent;
        Items = bd2.Length;
        W1 = w1;
        B1 = b1;
        WMu = wMu;
        BMu = bMu;
        Wd1 = wd1;
        Bd1 = bd1;
        Wd2 = wd2;
        Bd2 = bd2;
    }

    /// <summary>The scoring weights of trained parameters: the mean half of the code layer (its first l columns).</summary>
    public static VaeNetwork From(VaeParameters p)
    {
        int h = p.Hidden, l = p.Latent, q = p.Code;
        var wMu = new float[h * l];
        for (var j = 0; j < h; j++) p.Wq.AsSpan(j * q, l).CopyTo(wMu.AsSpan(j * l, l));
        return new VaeNetwork(h, l, p.W1, p.B1, wMu, p.Bq[..l], p.Wd1, p.Bd1, p.Wd2, p.Bd2);
    }

    public int Hidden { get; }

    public int Latent { get; }

    public int Items { get; }

    public float[] W1 { get; }

    public float[] B1 { get; }

    public float[] WMu { get; }

    public float[] BMu { get; }

    public float[] Wd1 { get; }

    public float[] Bd1 { get; }

    public float[] Wd2 { get; }

    public float[] Bd2 { get; }

    /// <summary>
    /// The logits of every modelled item (length k) for a sparse input row: modelled columns and positive values (entries
    /// with another column are ignored by the caller). An empty row gives the network's answer to no input.
    /// </summary>
    public void Score(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> logits)
    {
        var h2 = new float[Hidden];
        DecoderHidden(columns, values, h2, new float[Hidden], new float[Latent]);
        OutputLayerKernel.Multiply(h2, 1, Hidden, Wd2, Bd2, logits);
    }

    /// <summary>
    /// The decoder's hidden layer for one input (length <see cref="Hidden"/>): tanh(Wd1^T mu + bd1) at the encoder's mean mu
    /// for the L2-normalised input; <see cref="Score"/> multiplies it by Wd2.
    /// The encoder's hidden layer and mean go through the caller's buffers (<paramref name="h1"/>: <see cref="Hidden"/>
    /// floats, <paramref name="mu"/>: <see cref="Latent"/>; overwritten), so that a batch allocates nothing per input.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A buffer is shorter than its layer.</exception>
    public void DecoderHidden(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> h2, Span<float> h1, Span<float> mu)
    {
        var h = Hidden;
        h1 = h1[..h];
        mu = mu[..Latent];
        B1.CopyTo(h1);
        var norm = TensorPrimitives.Norm(values);
        for (var p = 0; p < columns.Length; p++)
            TensorPrimitives.MultiplyAdd(W1.AsSpan(columns[p] * h, h), values[p] / norm, h1, h1);
        TensorPrimitives.Tanh(h1, h1);
        VectorTimesMatrix(h1, WMu, BMu, mu);
        VectorTimesMatrix(mu, Wd1, Bd1, h2);
        TensorPrimitives.Tanh(h2, h2);
    }

    /// <summary>
    /// <see cref="Score"/>'s output layer for <paramref name="count"/> inputs at once (<see cref="OutputLayerKernel"/>): row b
    /// of <paramref name="logits"/> (count x <see cref="Items"/>) from row b of <paramref name="hidden"/> (count x
    /// <see cref="Hidden"/>, from <see cref="DecoderHidden"/>). Each panel of Wd2 (Hidden x Items: 48 MB at 600 x 20,000) is
    /// read from memory once per call rather than once per input, and each score is the chain <see cref="Score"/> computes,
    /// so the same bits.
    /// </summary>
    public void OutputLayer(ReadOnlySpan<float> hidden, int count, Span<float> logits) =>
        OutputLayerKernel.Multiply(hidden, count, Hidden, Wd2, Bd2, logits);

    // output = bias + sum_j v_j W[j, :], W row-major (v.Length x output.Length).
    private static void VectorTimesMatrix(ReadOnlySpan<float> v, float[] w, float[] bias, Span<float> output)
    {
        var width = output.Length;
        bias.CopyTo(output);
        for (var j = 0; j < v.Length; j++) TensorPrimitives.MultiplyAdd(w.AsSpan(j * width, width), v[j], output, output);
    }
}
