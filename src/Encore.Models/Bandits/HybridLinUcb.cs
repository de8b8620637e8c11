using System.Globalization;
using System.Numerics.Tensors;
using Encore.Core.Errors;
using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// LinUCB with a hybrid linear model (Li, Chu, Langford, Schapire, WWW 2010, Algorithm 2) with the user as the
/// arm: r = zᵀβ + xᵀθ_u + noise, where β is shared by every user and θ_u is the user's own. Here the shared
/// features z are the track vector itself (k = d), so β is the population's taste over content and θ_u each
/// user's deviation from it: a new user starts from what everybody taught β instead of from zero.
/// <para>
/// State: A₀⁻¹ and b₀ (k), and per user A_u⁻¹ and b_u = Σ r x, equal to Algorithm 2's A₀ = λ₀I + …,
/// A_u = λI + Σ xxᵀ, B_u = Σ xzᵀ. Choice: argmax zᵀβ + xᵀθ_u + α√s with θ_u = A_u⁻¹(b_u − B_uβ) and
/// s = zᵀA₀⁻¹z − 2zᵀA₀⁻¹B_uᵀA_u⁻¹x + xᵀA_u⁻¹x + xᵀA_u⁻¹B_uA₀⁻¹B_uᵀA_u⁻¹x. With z = x, B_u = A_u − λI, so
/// this is φ·x + α√(xᵀSx) with φ = A_u⁻¹(b_u + λβ) and S = A_u⁻¹ + λ²A_u⁻¹A₀⁻¹A_u⁻¹: a choice costs two d x d
/// products once per (user, shared-state version) plus O(n d²) for the scan, like disjoint LinUCB.
/// An update is O(d²) and allocation-free: Algorithm 2's net change of A₀ (add B_uᵀA_u⁻¹B_u, absorb, add
/// zzᵀ − B_uᵀA_u⁻¹B_u) is λ²(A_u⁻¹ − A_u'⁻¹), rank one by Sherman–Morrison, so A₀⁻¹ and A_u⁻¹ both take
/// Sherman–Morrison steps and b₀ changes by λ(A_u'⁻¹b_u' − A_u⁻¹b_u).
/// </para>
/// Deterministic (ties to the first candidate). Not thread-safe: one writer.
/// </summary>
public sealed class HybridLinUcb : IBanditLearner
{
    private readonly double[] _b0;
    private readonly double[] _a0Inverse;
    private readonly double[] _beta;
    private readonly double[] _t1;
    private readonly double[] _t2;
    private readonly double[] _t3;
    private readonly double[] _t4;
    private readonly double[] _scratch;
    private readonly double[] _product;
    private readonly Dictionary<int, HybridUserState> _users = [];
    private long _version;

    /// <param name="dimension">Track vector width d (&gt; 0); also the width of the shared features.</param>
    /// <param name="alpha">Exploration weight α ≥ 0.</param>
    /// <param name="regularization">λ (&gt; 0): each user's A_u starts as λI.</param>
    /// <param name="sharedRegularization">λ₀ (&gt; 0): the shared A₀ starts as λ₀I.</param>
    public HybridLinUcb(int dimension, double alpha = 0.5, double regularization = 1, double sharedRegularization = 1)
    {
        Guard.Positive(dimension);
        Guard.NonNegative(alpha);
        Guard.Positive(regularization);
        Guard.Positive(sharedRegularization);
        Dimension = dimension;
        Alpha = (float)alpha;
        Regularization = regularization;
        SharedRegularization = sharedRegularization;
        _a0Inverse = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++) _a0Inverse[i * dimension + i] = 1 / sharedRegularization;
        _b0 = new double[dimension];
        _beta = new double[dimension];
        _t1 = new double[dimension];
        _t2 = new double[dimension];
        _t3 = new double[dimension];
        _t4 = new double[dimension];
        _scratch = new double[dimension * dimension];
        _product = new double[dimension * dimension];
    }

    public int Dimension { get; }

    public float Alpha { get; }

    public double Regularization { get; }

    public double SharedRegularization { get; }

    public string Name => Regularization == SharedRegularization
        ? string.Create(CultureInfo.InvariantCulture, $"hybrid-linucb(alpha={Alpha:0.###})")
        : string.Create(CultureInfo.InvariantCulture, $"hybrid-linucb(alpha={Alpha:0.###}, user-lambda={Regularization:0.###})");

    /// <summary>The shared coefficients β = A₀⁻¹b₀ (k values).</summary>
    public ReadOnlySpan<double> SharedCoefficients => _beta;

    /// <summary>Observations absorbed for <paramref name="user"/> (0 when unseen).</summary>
    public long Updates(int user) => _users.TryGetValue(user, out var s) ? s.Updates : 0;

    public BanditChoice Choose(int user, ReadOnlySpan<float> candidates, ref Rng rng)
    {
        var d = Dimension;
        if (candidates.Length == 0 || candidates.Length % d != 0)
            throw new ArgumentException($"expected a non-empty block of {d}-wide candidate rows, got {candidates.Length} values.", nameof(candidates));
        var state = Refresh(User(user));
        var arg = UcbScan.ArgMax(state.PhiF, state.CovarianceF, Alpha, candidates, candidates.Length / d);
        var x = candidates.Slice(arg * d, d);
        Span<float> y = d <= 1024 ? stackalloc float[d] : new float[d];
        return new BanditChoice(arg, System.Numerics.Tensors.TensorPrimitives.Dot(state.PhiF, x), MathF.Sqrt(UcbScan.Variance(state.CovarianceF, x, y)));
    }

    public void Update(int user, ReadOnlySpan<float> x, double reward)
    {
        var d = Dimension;
        if (x.Length != d) throw new ArgumentException($"expected {d} features, got {x.Length}.", nameof(x));
        if (!double.IsFinite(reward)) throw new ArgumentException($"reward must be finite, got {reward}.", nameof(reward));
        var state = User(user);
        var lambda = Regularization;
        var before = _t1.AsSpan();
        var after = _t2.AsSpan();
        var w = _t3.AsSpan();
        var g = _t4.AsSpan();
        // Algorithm 2 adds B_uᵀA_u⁻¹B_u to A₀ before and subtracts it after, with x xᵀ; with z = x, B_u = A_u − λI, so
        // the net change is λ²(A_u⁻¹ − A_u'⁻¹) = v vᵀ, v = λ w / √(1 + xᵀw), w = A_u⁻¹x (rank one), and
        // b₀ changes by λ(A_u'⁻¹b_u' − A_u⁻¹b_u).
        state.Multiply(state.B, before);
        var s = state.Absorb(x, reward, w);
        state.Multiply(state.B, after);
        for (var i = 0; i < d; i++) _b0[i] += lambda * (after[i] - before[i]);
        var scale = lambda / Math.Sqrt(1 + s);
        for (var i = 0; i < d; i++) w[i] *= scale;
        // A₀⁻¹ ← A₀⁻¹ − g gᵀ / (1 + vᵀg), g = A₀⁻¹v (Sherman–Morrison).
        Multiply(_a0Inverse, w, g);
        var denominator = 1 + Math.Max(0, TensorPrimitives.Dot<double>(w, g));
        for (var i = 0; i < d; i++)
            if (g[i] != 0) TensorPrimitives.MultiplyAdd(g, -g[i] / denominator, _a0Inverse.AsSpan(i * d, d), _a0Inverse.AsSpan(i * d, d));
        Multiply(_a0Inverse, _b0, _beta);
        _version++;
    }

    private HybridUserState User(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        if (!_users.TryGetValue(user, out var state)) _users[user] = state = new HybridUserState(Dimension, Regularization);
        return state;
    }

    // y = M v for a symmetric row-major M (a sum of its rows).
    private static void Multiply(double[] matrix, ReadOnlySpan<double> v, Span<double> y)
    {
        var d = v.Length;
        y = y[..d];
        y.Clear();
        for (var j = 0; j < d; j++)
            if (v[j] != 0) TensorPrimitives.MultiplyAdd(matrix.AsSpan(j * d, d), v[j], y, y);
    }

    // With z = x: φ = β + A_u⁻¹(b_u − B_uβ) = A_u⁻¹(b_u + λβ) and S = (I − C)A₀⁻¹(I − C)ᵀ + A_u⁻¹ = A_u⁻¹ + λ² A_u⁻¹A₀⁻¹A_u⁻¹
    // (C = A_u⁻¹B_u = I − λA_u⁻¹). Two d x d products (O(d³)) into preallocated scratch.
    private HybridUserState Refresh(HybridUserState state)
    {
        if (state.Version == _version) return state;
        var d = Dimension;
        var lambda = Regularization;
        var v = _t1.AsSpan();
        var phi = _t2.AsSpan();
        for (var i = 0; i < d; i++) v[i] = state.B[i] + lambda * _beta[i];
        state.Multiply(v, phi);
        for (var i = 0; i < d; i++) state.PhiF[i] = (float)phi[i];
        // T = A₀⁻¹ A_u⁻¹ (row i of T = Σ_k A₀⁻¹[i,k] row k of A_u⁻¹); S = A_u⁻¹ + λ² A_u⁻¹ T.
        var inverse = state.Inverse;
        Product(_a0Inverse, inverse, _scratch, d);
        Product(inverse, _scratch, _product, d);
        var lambda2 = lambda * lambda;
        for (var i = 0; i < d * d; i++) state.CovarianceF[i] = (float)(inverse[i] + lambda2 * _product[i]);
        state.Version = _version;
        return state;
    }

    // p = a b for row-major d x d matrices, by row axpys (TensorPrimitives).
    private static void Product(double[] a, double[] b, double[] p, int d)
    {
        Array.Clear(p, 0, d * d);
        for (var i = 0; i < d; i++)
        {
            var row = p.AsSpan(i * d, d);
            for (var k = 0; k < d; k++)
            {
                var f = a[i * d + k];
                if (f != 0) TensorPrimitives.MultiplyAdd(b.AsSpan(k * d, d), f, row, row);
            }
        }
    }
}
