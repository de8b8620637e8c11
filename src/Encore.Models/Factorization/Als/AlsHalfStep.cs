using Encore.Core.Parallelism;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// One half of an ALS iteration: re-solves every row of <c>solved</c> against the fixed factors of the
/// other side. Y^T Y + lambda I is computed once into the caller's buffers (no transposed copy, no allocation); each row then touches only its own nonzeros. Rows are
/// independent, so the result does not depend on the thread count. With <see cref="AlsOptions.FrequencyScaling"/> each
/// row gets its own lambda (<see cref="FrequencyScaledRegularization"/>): each worker keeps one copy of Y^T Y and
/// rewrites its diagonal per row (<see cref="RowRegularizedGram"/>, O(d) per row, bit-identical to a fresh copy).
/// </summary>
internal static class AlsHalfStep
{
    public static void Run(CsrMatrix matrix, float[] solved, float[] fixedFactors, int d, AlsOptions options, GramBuffers buffers, CancellationToken cancellationToken)
    {
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, options.Threads, buffers, cancellationToken);
        var scales = FrequencyScaledRegularization.RowScales(matrix, options.FrequencyScaling);
        if (scales is null) Gram.AddDiagonal(gram, d, (float)options.Regularization);
        var alpha = (float)options.Alpha;
        var exact = options.Solver == AlsSolver.Cholesky;
        var lambda = (float)options.Regularization;
        ParallelLoop.For(matrix.Rows, options.Threads, _ => new Scratch(d, exact, scales is null ? null : gram), (start, end, s) =>
        {
            for (var row = start; row < end; row++)
            {
                var x = solved.AsSpan(row * d, d);
                var indices = matrix.RowIndices(row);
                var values = matrix.RowValues(row);
                var rowGram = scales is null ? gram : s.RowGram!.For(lambda * scales[row]);
                if (exact) WeightedRidge.SolveExact(rowGram, fixedFactors, d, indices, values, alpha, s.A, x);
                else ConjugateGradient.Solve(rowGram, fixedFactors, d, indices, values, alpha, options.CgSteps, x, s.R, s.P, s.Ap);
            }
        }, cancellationToken);
    }

    private sealed class Scratch(int d, bool exact, float[]? unregularizedGram)
    {
        public RowRegularizedGram? RowGram { get; } = unregularizedGram is null ? null : new RowRegularizedGram(unregularizedGram, d);

        public float[] A { get; } = exact ? new float[d * d] : [];

        public float[] R { get; } = new float[d];

        public float[] P { get; } = new float[d];

        public float[] Ap { get; } = new float[d];
    }
}
