namespace Encore.Evaluation.Bench;

/// <summary>
/// Floating-point operations of one implicit-ALS iteration with conjugate gradient (Encore's solver: Hu, Koren, Volinsky
/// 2008 with Takacs et al. 2011's CG), counting what the solver performs and no more. Per half-iteration that solves
/// <c>rows</c> against <c>fixedRows</c>:
/// <list type="bullet">
/// <item>Y^T Y: fixedRows d (d + 1), the symmetric rank-k update (one multiply-add per row for each of the d (d + 1) / 2
/// distinct entries; Encore's kernel computes the upper-triangle tiles, somewhat more, and mirrors the rest). Until session
/// 13 this was counted as a full GEMM, 2 fixedRows d^2, which the kernel never performs;</item>
/// <item>CG products: (steps + 1) products A v (the residual b - A x, then one per step), each 2 d^2 per row for
/// (Y^T Y + lambda I) v plus 4 d per nonzero for y (c - 1) (y . v) (a dot and an axpy), i.e.
/// (steps + 1) (2 d^2 rows + 4 d nnz);</item>
/// <item>CG vector updates: 2 d per row for the first r . r, then 10 d per row and step (p . Ap, x += a p, r -= a Ap,
/// r . r, p = r + beta p).</item>
/// </list>
/// Every row is counted as running every step (a row that converges early stops; rare). An iteration is the user half
/// plus the item half. PEERS.md's "about 6 GFLOP per iteration" (50k x 20k x 1.6M, 64 factors, 3 steps) is 6.01 by this count.
/// </summary>
public static class AlsFlops
{
    public static double PerIteration(long users, long items, long nonZeros, int factors, int cgSteps) =>
        HalfIteration(users, items, nonZeros, factors, cgSteps) + HalfIteration(items, users, nonZeros, factors, cgSteps);

    public static double HalfIteration(long rows, long fixedRows, long nonZeros, int factors, int cgSteps)
    {
        double d = factors;
        var gram = fixedRows * d * (d + 1);
        var products = (cgSteps + 1.0) * (2.0 * d * d * rows + 4.0 * d * nonZeros);
        var updates = rows * (2.0 * d + 10.0 * d * cgSteps);
        return gram + products + updates;
    }
}
