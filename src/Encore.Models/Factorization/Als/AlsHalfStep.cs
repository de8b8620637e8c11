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
/// Plain conjugate gradient runs on blocks of up to 12 consecutive rows (<see cref="BlockConjugateGradient"/>: the
/// Gram products of a block are one small GEMM; when the fixed factors exceed <see cref="GatherFromBytes"/> (with half
/// gathers <see cref="HalfGatherFromBytes"/>), each block's factor rows are gathered once into the worker's buffer),
/// with factors bit-identical to the row-by-row solve. With <see cref="AlsOptions.GatherPrecision"/> Half the gathers read
/// a half-precision copy of the fixed factors, refreshed here once per half-step (the rows that are gathered are then
/// bit-identical to the row-by-row solve against the factors rounded to half). With <see cref="GatherPrecision.BFloat16"/>
/// (the default) the copy is bfloat16 in <see cref="BFloat16Rows"/>' paired layout and, where the kernel runs, the gathered
/// blocks stay 16-bit (bit-identical to the row-by-row solve against the factors rounded to bfloat16).
/// </summary>
internal static class AlsHalfStep
{
    /// <summary>
    /// Fixed-factor matrices at least this large have each block's rows gathered once (<see cref="BlockConjugateGradient"/>);
    /// smaller ones stay in cache between the CG passes, and the copy cost more than it saved there (HetRec's 4.5 MiB item
    /// factors: perf, bench/results/models-kernels.md, session 9).
    /// </summary>
    internal const long GatherFromBytes = 8L << 20;

    /// <summary>
    /// With <see cref="GatherPrecision.Half"/>, fixed factors at least this large are gathered from their half copy: half the
    /// bytes per random row read made gathering pay from 4 MiB (the synthetic split's 5 MiB item factors: fit CPU -5% to
    /// -20%, bench/results/models-kernels.md, "Session 13 ALS"); HetRec's 3.9 MB item factors stayed level at 2 MiB, and
    /// float gathers below 8 MiB did not pay.
    /// </summary>
    internal const long HalfGatherFromBytes = 4L << 20;

    /// <summary>
    /// A gathering worker's buffer for one row longer than a block's budget holds at most this many bytes of factor rows
    /// (16 MiB: 65,536 rows of 64 floats, per worker); such a row is gathered once for its four CG passes, and a longer one
    /// is gathered in chunks on every pass (<see cref="BlockConjugateGradient"/>).
    /// </summary>
    internal const long LongRowBytes = 16L << 20;

    public static void Run(CsrMatrix matrix, float[] solved, float[] fixedFactors, int d, AlsOptions options, GramBuffers buffers, CancellationToken cancellationToken) =>
        Run(matrix, solved, fixedFactors, d, options, buffers, null, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="social"/> (the user step of social ALS, rows = its users) each row with friends
    /// solves (Y^T C_u Y + (lambda_u + sigma) I) x_u = Y^T C_u p_u + sigma m_u, m_u from the factors as they were
    /// before this half-step (<see cref="SocialRegularization"/>); rows without friends are solved as plain ALS.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="social"/> covers a different number of rows than the matrix.</exception>
    public static void Run(CsrMatrix matrix, float[] solved, float[] fixedFactors, int d, AlsOptions options, GramBuffers buffers, SocialRegularization? social, CancellationToken cancellationToken)
    {
        if (social is not null && social.Users != matrix.Rows)
            throw new ArgumentException($"The social links cover {social.Users} users, the matrix has {matrix.Rows} rows.", nameof(social));
        social?.Snapshot(solved);
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, options.Threads, buffers, cancellationToken);
        var scales = FrequencyScaledRegularization.RowScales(matrix, options.FrequencyScaling, options.FrequencyBasis, (float)options.Alpha);
        var perRow = scales is not null || social is not null;
        if (!perRow) Gram.AddDiagonal(gram, d, (float)options.Regularization);
        var alpha = (float)options.Alpha;
        var exact = options.Solver == AlsSolver.Cholesky;
        var lambda = (float)options.Regularization;
        // Plain CG (one lambda for all rows) solves blocks of rows in lockstep; the factors are bit-identical.
        var blocked = !exact && !perRow && BlockConjugateGradient.Supported(d);
        if (blocked) gram.AsSpan(0, d * d).CopyTo(buffers.BlockGram.Span);
        buffers.EnsureWorkers(ParallelLoop.Workers(options.Threads));
        var bytes = (long)fixedFactors.Length * sizeof(float);
        // The half copy is refreshed from the factors this half-step holds fixed; a factor too large for a half keeps
        // this half-step on the floats (gathered only from GatherFromBytes). A bfloat16 copy (the same range as a float)
        // never refuses; factor counts its paired layout cannot hold take the half copy.
        var precision = options.GatherPrecision;
        if (precision == GatherPrecision.BFloat16 && !BFloat16Rows.Supported(d)) precision = GatherPrecision.Half;
        var bfloat16 = blocked && bytes >= HalfGatherFromBytes && precision == GatherPrecision.BFloat16;
        if (bfloat16) buffers.Half.RefreshBFloat16(fixedFactors, options.Threads, cancellationToken);
        var half = bfloat16 || (blocked && bytes >= HalfGatherFromBytes && precision == GatherPrecision.Half && HalfRows.Supported(d)
            && buffers.Half.Refresh(fixedFactors, options.Threads, cancellationToken));
        var gather = half || bytes >= GatherFromBytes;
        var longRows = gather ? LongRowCapacity(matrix, d) : 0;
        ParallelLoop.For(matrix.Rows, options.Threads, worker => new Scratch(d, exact, perRow ? gram : null, blocked ? buffers.Block(worker, gather, longRows) : null, social is not null), (start, end, s) =>
        {
            if (s.Block is not null)
            {
                var count = BlockConjugateGradient.BlockLength(matrix, start, end, d);
                for (var row = start; row < end;)
                {
                    // A gathering block requests the next block's factor rows while it computes (BlockConjugateGradient.Solve).
                    var next = row + count;
                    var nextCount = next < end ? BlockConjugateGradient.BlockLength(matrix, next, end, d) : 0;
                    var upcoming = gather ? matrix.ColumnIndices[matrix.Offsets[next]..matrix.Offsets[next + nextCount]] : default;
                    BlockConjugateGradient.Solve(buffers.BlockGram.Span, fixedFactors, d, matrix, row, count, alpha, options.CgSteps, solved.AsSpan(row * d, count * d), s.Block,
                        half ? buffers.Half.Bits[..fixedFactors.Length] : default, bfloat16, upcoming);
                    row = next;
                    count = nextCount;
                }
                return;
            }
            for (var row = start; row < end; row++)
            {
                var x = solved.AsSpan(row * d, d);
                var indices = matrix.RowIndices(row);
                var values = matrix.RowValues(row);
                var rowLambda = scales is null ? lambda : lambda * scales[row];
                ReadOnlySpan<float> shift = [];
                if (social is not null && social.FriendCount(row) > 0)
                {
                    rowLambda += social.Sigma;
                    social.Shift(row, s.Shift);
                    shift = s.Shift;
                }
                var rowGram = perRow ? s.RowGram!.For(rowLambda) : gram;
                if (exact) WeightedRidge.SolveExact(rowGram, fixedFactors, d, d, indices, values, alpha, shift, s.A, x);
                else ConjugateGradient.SolveShifted(rowGram, fixedFactors, d, indices, values, alpha, options.CgSteps, shift, x, s.R, s.P, s.Ap);
            }
        }, cancellationToken);
    }

    // Factor rows of the longest row that exceeds a block's gather budget, at most LongRowBytes' worth; 0 if none does.
    private static int LongRowCapacity(CsrMatrix matrix, int d)
    {
        var longest = 0;
        for (var row = 0; row < matrix.Rows; row++) longest = Math.Max(longest, matrix.RowLength(row));
        return longest <= BlockConjugateGradient.GatherCapacity(d) ? 0 : (int)Math.Min(longest, LongRowBytes / (4 * d));
    }

    private sealed class Scratch(int d, bool exact, float[]? unregularizedGram, BlockScratch? block, bool social)
    {
        public float[] Shift { get; } = social ? new float[d] : [];

        public BlockScratch? Block { get; } = block;

        public RowRegularizedGram? RowGram { get; } = unregularizedGram is null ? null : new RowRegularizedGram(unregularizedGram, d);

        public float[] A { get; } = exact ? new float[d * d] : [];

        public float[] R { get; } = new float[d];

        public float[] P { get; } = new float[d];

        public float[] Ap { get; } = new float[d];
    }
}
