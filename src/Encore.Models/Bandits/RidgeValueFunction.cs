using System.Numerics.Tensors;
using Encore.Core.Errors;

namespace Encore.Models.Bandits;

/// <summary>
/// Online ridge regression r ≈ θ·x over d-dimensional feature vectors: A = λI + Σ x xᵀ, b = Σ r x,
/// θ = A⁻¹ b. A⁻¹ is kept directly and updated per observation by the Sherman–Morrison rank-1 formula
/// A⁻¹ ← A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x), O(d²) per update, no solve. Accumulates in double and
/// mirrors A⁻¹ and θ into float arrays for scoring with TensorPrimitives. Not thread-safe: one writer.
/// </summary>
public sealed class RidgeValueFunction
{
    private readonly double[] _inverse;
    private readonly double[] _b;
    private readonly double[] _theta;
    private readonly double[] _scratch;

    /// <param name="dimension">Feature width d (&gt; 0).</param>
    /// <param name="regularization">Ridge weight λ (&gt; 0): A starts as λI, so the prior on θ is N(0, σ²/λ I).</param>
    public RidgeValueFunction(int dimension, double regularization = 1.0)
    {
        Guard.Positive(dimension);
        Guard.Positive(regularization);
        Dimension = dimension;
        Regularization = regularization;
        _inverse = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++) _inverse[i * dimension + i] = 1 / regularization;
        _b = new double[dimension];
        _theta = new double[dimension];
        _scratch = new double[dimension];
        InverseF = new float[dimension * dimension];
        ThetaF = new float[dimension];
        Mirror();
    }

    public int Dimension { get; }

    public double Regularization { get; }

    /// <summary>Observations absorbed so far.</summary>
    public long Updates { get; private set; }

    /// <summary>Sum of the rewards absorbed.</summary>
    public double RewardSum { get; private set; }

    /// <summary>A⁻¹ as floats, row-major d x d (read-only view for scoring).</summary>
    internal float[] InverseF { get; }

    /// <summary>θ as floats.</summary>
    internal float[] ThetaF { get; }

    public ReadOnlySpan<double> Theta => _theta;

    public ReadOnlySpan<double> Inverse => _inverse;

    public ReadOnlySpan<double> B => _b;

    /// <summary>Predicted value θ·x.</summary>
    public float Predict(ReadOnlySpan<float> x) => TensorPrimitives.Dot(ThetaF, x);

    /// <summary>xᵀA⁻¹x: the (unscaled) variance of the prediction at x; ≥ 0.</summary>
    public float Variance(ReadOnlySpan<float> x, Span<float> scratch)
    {
        var d = Dimension;
        for (var i = 0; i < d; i++) scratch[i] = TensorPrimitives.Dot(InverseF.AsSpan(i * d, d), x);
        return Math.Max(0f, TensorPrimitives.Dot(scratch[..d], x));
    }

    /// <summary>Absorbs one observation (x, r) with the Sherman–Morrison update.</summary>
    /// <exception cref="ArgumentException">Wrong width or a non-finite value.</exception>
    public void Update(ReadOnlySpan<float> x, double reward)
    {
        var d = Dimension;
        if (x.Length != d) throw new ArgumentException($"expected {d} features, got {x.Length}.", nameof(x));
        if (!double.IsFinite(reward)) throw new ArgumentException($"reward must be finite, got {reward}.", nameof(reward));
        var ax = _scratch;
        for (var i = 0; i < d; i++)
        {
            double s = 0;
            var row = _inverse.AsSpan(i * d, d);
            for (var j = 0; j < d; j++) s += row[j] * x[j];
            ax[i] = s;
        }
        double denominator = 1;
        for (var i = 0; i < d; i++) denominator += x[i] * ax[i];
        for (var i = 0; i < d; i++)
        {
            var f = ax[i] / denominator;
            var row = _inverse.AsSpan(i * d, d);
            for (var j = 0; j < d; j++) row[j] -= f * ax[j];
        }
        for (var i = 0; i < d; i++) _b[i] += reward * x[i];
        for (var i = 0; i < d; i++) _theta[i] = TensorPrimitives.Dot<double>(_inverse.AsSpan(i * d, d), _b);
        Updates++;
        RewardSum += reward;
        Mirror();
    }

    /// <summary>Rebuilds a state from stored A⁻¹, b and counters (durable bandit stores).</summary>
    /// <exception cref="ArgumentException">Shapes disagree with <paramref name="dimension"/>.</exception>
    public static RidgeValueFunction Restore(int dimension, double regularization, double[] inverse, double[] b, long updates, double rewardSum)
    {
        ArgumentNullException.ThrowIfNull(inverse);
        ArgumentNullException.ThrowIfNull(b);
        if (inverse.Length != dimension * dimension || b.Length != dimension)
            throw new ArgumentException($"stored bandit state has {inverse.Length} + {b.Length} values, expected {dimension * dimension} + {dimension}.");
        var state = new RidgeValueFunction(dimension, regularization);
        inverse.CopyTo(state._inverse, 0);
        b.CopyTo(state._b, 0);
        for (var i = 0; i < dimension; i++) state._theta[i] = TensorPrimitives.Dot<double>(state._inverse.AsSpan(i * dimension, dimension), state._b);
        state.Updates = updates;
        state.RewardSum = rewardSum;
        state.Mirror();
        return state;
    }

    private void Mirror()
    {
        for (var i = 0; i < _inverse.Length; i++) InverseF[i] = (float)_inverse[i];
        for (var i = 0; i < _theta.Length; i++) ThetaF[i] = (float)_theta[i];
    }
}
