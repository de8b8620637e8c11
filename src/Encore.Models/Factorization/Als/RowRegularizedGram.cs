namespace Encore.Models.Factorization.Als;

/// <summary>
/// Y^T Y + lambda_r I for one row r at a time (frequency-scaled ALS, <see cref="FrequencyScaledRegularization"/>),
/// without a d x d copy per row: the worker copies Y^T Y once, and <see cref="For"/> rewrites only the d diagonal
/// entries, each to fl(G_kk + lambda_r), the same float the per-row copy with lambda added used to hold, so every
/// solve sees bit-identical inputs. O(d) per row instead of O(d^2). One instance per worker (not thread-safe).
/// </summary>
internal sealed class RowRegularizedGram
{
    private readonly float[] _gram;
    private readonly float[] _shifted;
    private readonly int _d;

    /// <param name="gram">Y^T Y (d x d row-major, no lambda on the diagonal); read, never written.</param>
    /// <param name="d">Factors.</param>
    public RowRegularizedGram(float[] gram, int d)
    {
        _gram = gram;
        _d = d;
        _shifted = (float[])gram.Clone();
    }

    /// <summary>Y^T Y + <paramref name="lambda"/> I (d x d row-major), valid until the next call.</summary>
    public float[] For(float lambda)
    {
        for (var k = 0; k < _d; k++) _shifted[k * _d + k] = _gram[k * _d + k] + lambda;
        return _shifted;
    }
}
