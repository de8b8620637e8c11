using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.Randomness;

namespace Encore.Models.Bandits;

/// <summary>
/// LinUCB with a hybrid linear model (Li, Chu, Langford, Schapire, WWW 2010, Algorithm 2) with the user as the
/// arm: r = zᵀβ + xᵀθ_u + noise, where β is shared by every user and θ_u is the user's own. Here the shared
/// features z are the track vector itself (k = d), so β is the population's taste over content and θ_u each
/// user's deviation from it: a new user starts from what everybody taught β instead of from zero.
/// <para>
/// State: A₀ = λ₀I + …, b₀ (k), and per user A_u = λI + Σ xxᵀ, B_u = Σ xzᵀ, b_u = Σ r x, updated exactly as in
/// Algorithm 2. Choice: argmax zᵀβ + xᵀθ_u + α√s with θ_u = A_u⁻¹(b_u − B_uβ) and
/// s = zᵀA₀⁻¹z − 2zᵀA₀⁻¹B_uᵀA_u⁻¹x + xᵀA_u⁻¹x + xᵀA_u⁻¹B_uA₀⁻¹B_uᵀA_u⁻¹x. With z = x this is
/// φ·x + α√(xᵀSx), φ = β + θ_u and S = (I − C)A₀⁻¹(I − C)ᵀ + A_u⁻¹ with C = A_u⁻¹B_u, so a choice costs
/// O(d³) once per (user, shared-state version) plus O(n d²) for the scan, like disjoint LinUCB.
/// An update costs O(d³) (A₀ changes by more than rank one and is re-inverted by Cholesky).
/// </para>
/// Deterministic (ties to the first candidate). Not thread-safe: one writer.
/// </summary>
public sealed class HybridLinUcb : IBanditLearner
{
    private readonly double[] _a0;
    private readonly double[] _b0;
    private readonly double[] _a0Inverse;
    private readonly double[] _beta;
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
        _a0 = new double[dimension * dimension];
        _a0Inverse = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++)
        {
            _a0[i * dimension + i] = sharedRegularization;
            _a0Inverse[i * dimension + i] = 1 / sharedRegularization;
        }
        _b0 = new double[dimension];
        _beta = new double[dimension];
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
        Project(state, +1);
        state.Absorb(x, reward);
        for (var i = 0; i < d; i++)
        {
            _b0[i] += reward * x[i];
            for (var j = 0; j < d; j++) _a0[i * d + j] += (double)x[i] * x[j];
        }
        Project(state, -1);
        Cholesky.InvertSpd(_a0, d, _a0Inverse);
        for (var i = 0; i < d; i++)
        {
            double s = 0;
            for (var j = 0; j < d; j++) s += _a0Inverse[i * d + j] * _b0[j];
            _beta[i] = s;
        }
        _version++;
    }

    private HybridUserState User(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        if (!_users.TryGetValue(user, out var state)) _users[user] = state = new HybridUserState(Dimension, Regularization);
        return state;
    }

    // A₀ += sign · B_uᵀA_u⁻¹B_u and b₀ += sign · B_uᵀA_u⁻¹b_u (B_uᵀA_u⁻¹ = Cᵀ since A_u⁻¹ is symmetric).
    private void Project(HybridUserState state, int sign)
    {
        if (state.Updates == 0) return;
        var d = Dimension;
        var c = state.InverseTimesCross();
        for (var i = 0; i < d; i++)
        {
            double q = 0;
            for (var m = 0; m < d; m++) q += c[m * d + i] * state.B[m];
            _b0[i] += sign * q;
            for (var j = 0; j < d; j++)
            {
                double p = 0;
                for (var m = 0; m < d; m++) p += state.Cross[m * d + i] * c[m * d + j];
                _a0[i * d + j] += sign * p;
            }
        }
    }

    // φ = β + A_u⁻¹(b_u − B_uβ); S = (I − C)A₀⁻¹(I − C)ᵀ + A_u⁻¹.
    private HybridUserState Refresh(HybridUserState state)
    {
        if (state.Version == _version) return state;
        var d = Dimension;
        var c = state.InverseTimesCross();
        var residual = new double[d];
        for (var i = 0; i < d; i++)
        {
            double s = state.B[i];
            for (var j = 0; j < d; j++) s -= state.Cross[i * d + j] * _beta[j];
            residual[i] = s;
        }
        for (var i = 0; i < d; i++)
        {
            double s = _beta[i];
            for (var j = 0; j < d; j++) s += state.Inverse[i * d + j] * residual[j];
            state.PhiF[i] = (float)s;
        }
        // M = I − C; T = M A₀⁻¹; S = T Mᵀ + A_u⁻¹.
        var m = new double[d * d];
        for (var i = 0; i < d * d; i++) m[i] = -c[i];
        for (var i = 0; i < d; i++) m[i * d + i] += 1;
        var t = new double[d * d];
        for (var i = 0; i < d; i++)
            for (var k = 0; k < d; k++)
            {
                var a = m[i * d + k];
                if (a == 0) continue;
                for (var j = 0; j < d; j++) t[i * d + j] += a * _a0Inverse[k * d + j];
            }
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
            {
                double s = state.Inverse[i * d + j];
                for (var k = 0; k < d; k++) s += t[i * d + k] * m[j * d + k];
                state.CovarianceF[i * d + j] = (float)s;
            }
        state.Version = _version;
        return state;
    }
}
