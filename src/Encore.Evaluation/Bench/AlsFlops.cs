namespace Encore.Evaluation.Bench;

/// <summary>
/// Floating-point operations of one implicit-ALS iteration with conjugate gradient, counted as PEERS.md
/// does (its "about 6 GFLOP per iteration" for 50k x 20k x 1.6M, 64 factors, 3 steps). Per half-iteration
/// that solves <c>rows</c> against <c>fixedRows</c>:
/// <list type="bullet">
/// <item>Y^T Y: 2 fixedRows d^2 (counted as a GEMM, as BLAS would do it);</item>
/// <item>CG: (steps + 1) products A v, each 2 d^2 per row for (Y^T Y + lambda I) v plus 4 d per nonzero
/// for y (c - 1) (y . v) (a dot and an axpy), i.e. (steps + 1) (2 d^2 rows + 4 d nnz).</item>
/// </list>
/// The O(d) vector updates of CG are left out. An iteration is the user half plus the item half.
/// </summary>
public static class AlsFlops
{
    public static double PerIteration(long users, long items, long nonZeros, int factors, int cgSteps) =>
        HalfIteration(users, items, nonZeros, factors, cgSteps) + HalfIteration(items, users, nonZeros, factors, cgSteps);

    public static double HalfIteration(long rows, long fixedRows, long nonZeros, int factors, int cgSteps)
    {
        double d = factors;
        var gram = 2.0 * fixedRows * d * d;
        var solve = (cgSteps + 1.0) * (2.0 * d * d * rows + 4.0 * d * nonZeros);
        return gram + solve;
    }
}
