using Encore.Core.Randomness;

namespace Encore.Models.Vae;

/// <summary>
/// The weights of the autoencoder over k modelled items, hidden width h, latent size l, row-major:
/// encoder W1 (k x h), b1 (h); code layer Wq (h x q), bq (q) with q = 2l for Mult-VAE (mean then log-variance) or l for
/// Mult-DAE (the code itself); decoder Wd1 (l x h), bd1 (h), Wd2 (h x k), bd2 (k). Also used for the gradients and Adam's
/// moments, which have the same shapes (<see cref="Tensors"/> lists the arrays in a fixed order).
/// </summary>
internal sealed class VaeParameters
{
    public VaeParameters(int items, int hidden, int latent, bool variational)
    {
        Items = items;
        Hidden = hidden;
        Latent = latent;
        Code = variational ? 2 * latent : latent;
        W1 = new float[items * hidden];
        B1 = new float[hidden];
        Wq = new float[hidden * Code];
        Bq = new float[Code];
        Wd1 = new float[latent * hidden];
        Bd1 = new float[hidden];
        Wd2 = new float[hidden * items];
        Bd2 = new float[items];
        Tensors = [W1, B1, Wq, Bq, Wd1, Bd1, Wd2, Bd2];
    }

    public int Items { get; }

    public int Hidden { get; }

    public int Latent { get; }

    /// <summary>Width of the code layer: 2 l (mean, log-variance) or l.</summary>
    public int Code { get; }

    public float[] W1 { get; }

    public float[] B1 { get; }

    public float[] Wq { get; }

    public float[] Bq { get; }

    public float[] Wd1 { get; }

    public float[] Bd1 { get; }

    public float[] Wd2 { get; }

    public float[] Bd2 { get; }

    /// <summary>Every array in the fixed order W1, b1, Wq, bq, Wd1, bd1, Wd2, bd2.</summary>
    public float[][] Tensors { get; }

    /// <summary>True for the arrays that are weights (weight decay applies), false for biases; same order as <see cref="Tensors"/>.</summary>
    public static bool IsWeight(int tensor) => tensor % 2 == 0;

    /// <summary>
    /// Glorot-uniform weights (U(-a, a), a = sqrt(6 / (fan in + fan out)); Glorot &amp; Bengio 2010, the initialiser of the
    /// paper's code), zero biases, drawn in <see cref="Tensors"/> order from <paramref name="rng"/>.
    /// </summary>
    public void Initialise(ref Rng rng)
    {
        Fill(ref rng, W1, Items, Hidden);
        Fill(ref rng, Wq, Hidden, Code);
        Fill(ref rng, Wd1, Latent, Hidden);
        Fill(ref rng, Wd2, Hidden, Items);
    }

    private static void Fill(ref Rng rng, float[] weights, int fanIn, int fanOut)
    {
        var bound = MathF.Sqrt(6f / (fanIn + fanOut));
        for (var i = 0; i < weights.Length; i++) weights[i] = ((2f * rng.NextFloat()) - 1f) * bound;
    }
}
