namespace Encore.Models.Factorization.Als;

/// <summary>How ALS solves each row's least-squares system.</summary>
public enum AlsSolver
{
    /// <summary>A few conjugate-gradient steps warm-started from the previous factors (fast; default).</summary>
    ConjugateGradient,
    /// <summary>Exact solve by Cholesky factorisation (O(nnz d^2 + rows d^3); slower, exact).</summary>
    Cholesky,
}
