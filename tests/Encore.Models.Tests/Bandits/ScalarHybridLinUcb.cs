using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.Randomness;

using Encore.Models.Bandits;

namespace Encore.Models.Tests.Bandits;

/// <summary>
/// The scalar O(d³)-per-update hybrid LinUCB that Encore shipped before the rank-one update (Li et al. 2010,
/// Algorithm 2 written out: A₀ kept and re-inverted by Cholesky, B_u stored): the reference the fast
/// <see cref="HybridLinUcb"/> must agree with.
/// </summary>
internal sealed class ScalarHybridLinUcb : IBanditLearner
{
    private readonly double[] _a0;
    private readonly double[] _b0;
    private readonly double[] _a0Inverse;
    private readonly double[] _beta;
    private readonly Dictionary<int, ScalarHybridUserState> _users = [];
    private long _version;

    /// <param name="dimension">Track vector width d (&gt; 0); also the width of the shared features.</param>
    /// <param name="alpha">Exploration weight α ≥ 0.</param>
    /// <param name="regularization">λ (&gt; 0): each user's A_u starts as λI.</param>
    /// <param name="sharedRegularization">λ₀ (&gt; 0): the shared A₀ starts as λ₀I.</param>
    public ScalarHybridLinUcb(int dimension, double alpha = 0.5, double regularization = 1, double sharedRegularization = 1)
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

    private ScalarHybridUserState User(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        if (!_users.TryGetValue(user, out var state)) _users[user] = state = new ScalarHybridUserState(Dimension, Regularization);
        return state;
    }

    // A₀ += sign · B_uᵀA_u⁻¹B_u and b₀ += sign · B_uᵀA_u⁻¹b_u (B_uᵀA_u⁻¹ = Cᵀ since A_u⁻¹ is symmetric).
    private void Project(ScalarHybridUserState state, int sign)
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
    private ScalarHybridUserState Refresh(ScalarHybridUserState state)
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
