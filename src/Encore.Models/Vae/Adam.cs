using System.Numerics.Tensors;

namespace Encore.Models.Vae;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) over contiguous float arrays: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
/// w -= lr m_hat / (sqrt(v_hat) + eps) with m_hat = m / (1 - b1^t), v_hat = v / (1 - b2^t). Computed in the paper's
/// equivalent form (section 2): w -= lr_t m / (sqrt(v) + eps_t), lr_t = lr sqrt(1 - b2^t) / (1 - b1^t),
/// eps_t = eps sqrt(1 - b2^t), so no array is divided twice. Defaults b1 0.9, b2 0.999, eps 1e-8 (the paper's).
/// </summary>
internal static class Adam
{
    public const float Beta1 = 0.9f;
    public const float Beta2 = 0.999f;
    public const float Epsilon = 1e-8f;

    /// <summary>
    /// One step t (1-based) of every parameter of <paramref name="weights"/>. <paramref name="gradient"/> is used as scratch
    /// (its values are lost). All four spans have the same length.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Step(Span<float> weights, Span<float> gradient, Span<float> m, Span<float> v, int t, float learningRate)
    {
        if (gradient.Length != weights.Length || m.Length != weights.Length || v.Length != weights.Length)
            throw new ArgumentException($"Adam: {weights.Length} weights but {gradient.Length} gradients, {m.Length} and {v.Length} moments.");
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        var correction2 = MathF.Sqrt(1f - MathF.Pow(Beta2, t));
        var rate = learningRate * correction2 / (1f - MathF.Pow(Beta1, t));
        var epsilon = Epsilon * correction2;
        TensorPrimitives.Multiply(m, Beta1, m);
        TensorPrimitives.MultiplyAdd(gradient, 1f - Beta1, m, m);
        TensorPrimitives.Multiply(v, Beta2, v);
        TensorPrimitives.Multiply(gradient, gradient, gradient);
        TensorPrimitives.MultiplyAdd(gradient, 1f - Beta2, v, v);
        // gradient <- -rate m / (sqrt(v) + eps_t), then w += gradient.
        TensorPrimitives.Sqrt(v, gradient);
        TensorPrimitives.Add(gradient, epsilon, gradient);
        TensorPrimitives.Divide(m, gradient, gradient);
        TensorPrimitives.MultiplyAdd(gradient, -rate, weights, weights);
    }
}
