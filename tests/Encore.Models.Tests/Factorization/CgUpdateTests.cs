using System.Numerics.Tensors;
using Encore.Core.Randomness;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

public sealed class CgUpdateTests
{
    [Theory]
    [InlineData(8, 1UL)]
    [InlineData(16, 2UL)]
    [InlineData(24, 3UL)]
    [InlineData(64, 4UL)]
    [InlineData(128, 5UL)]
    [InlineData(12, 6UL)] // not a multiple of 8: the scalar path
    public void Step_MatchesScalarReferenceAndTheFormerTensorPrimitivesSteps(int d, ulong seed)
    {
        var rng = new Rng(seed);
        var p = Random(d, ref rng);
        // A p for a positive definite A: p . Ap well away from 0, as in CG.
        var ap = new float[d];
        for (var f = 0; f < d; f++) ap[f] = p[f] * (1f + rng.NextFloat());
        var x = Random(d, ref rng);
        var r = Random(d, ref rng);
        var rsOld = TensorPrimitives.Dot<float>(r, r);

        var (xv, rv) = ((float[])x.Clone(), (float[])r.Clone());
        var rsVector = CgUpdate.Step(p, ap, xv, rv, rsOld, d);
        var (xs, rs) = ((float[])x.Clone(), (float[])r.Clone());
        var rsScalar = CgUpdate.StepReference(p, ap, xs, rs, rsOld, d);
        // The steps the solvers ran before (session 9): five TensorPrimitives calls.
        var (xo, ro) = ((float[])x.Clone(), (float[])r.Clone());
        var a = rsOld / TensorPrimitives.Dot<float>(p, ap);
        TensorPrimitives.MultiplyAdd(p, a, xo, xo);
        TensorPrimitives.MultiplyAdd(ap, -a, ro, ro);
        var rsOldPath = TensorPrimitives.Dot<float>(ro, ro);

        for (var f = 0; f < d; f++)
        {
            Assert.Equal(xs[f], xv[f], 1e-4f * (1 + Math.Abs(xs[f])));
            Assert.Equal(rs[f], rv[f], 1e-4f * (1 + Math.Abs(rs[f])));
            Assert.Equal(xo[f], xv[f], 1e-4f * (1 + Math.Abs(xo[f])));
            Assert.Equal(ro[f], rv[f], 1e-4f * (1 + Math.Abs(ro[f])));
        }
        Assert.Equal(rsScalar, rsVector, 1e-4f * rsScalar);
        Assert.Equal(rsOldPath, rsVector, 1e-4f * rsOldPath);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(12)]
    public void DirectionAndSquaredNorm_MatchTheFormulas(int d)
    {
        var rng = new Rng(9);
        var r = Random(d, ref rng);
        var p = Random(d, ref rng);
        var expected = new float[d];
        for (var f = 0; f < d; f++) expected[f] = r[f] + 0.37f * p[f];

        CgUpdate.Direction(r, p, 0.37f, d);

        for (var f = 0; f < d; f++) Assert.Equal(expected[f], p[f], 1e-6f);
        var norm = 0.0;
        foreach (var value in r) norm += value * (double)value;
        Assert.Equal(norm, CgUpdate.SquaredNorm(r, d), 1e-4 * norm);
    }

    [Fact]
    public void Step_ShortVector_Throws() =>
        Assert.Throws<ArgumentException>(() => CgUpdate.Step(new float[8], new float[8], new float[4], new float[8], 1f, 8));

    [Theory]
    [InlineData(16, 1UL)]
    [InlineData(64, 2UL)]
    public void ConjugateGradient_StaysWithinFloatToleranceOfTheFormerSteps(int d, ulong seed)
    {
        // The whole one-row solve against the same solve written with the former TensorPrimitives steps.
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 30, columns: 50, d, seed);
        var gram = Gram.Compute(fixedFactors, matrix.Columns, d, 1);
        Gram.AddDiagonal(gram, d, 0.2f);
        float[] r = new float[d], p = new float[d], ap = new float[d];
        for (var row = 0; row < matrix.Rows; row++)
        {
            var now = start.AsSpan(row * d, d).ToArray();
            var before = (float[])now.Clone();
            ConjugateGradient.Solve(gram, fixedFactors, d, matrix.RowIndices(row), matrix.RowValues(row), 1.5f, 3, now, r, p, ap);
            FormerSolve(gram, fixedFactors, d, matrix.RowIndices(row), matrix.RowValues(row), 1.5f, 3, before);
            for (var f = 0; f < d; f++) Assert.Equal(before[f], now[f], 1e-4f * (1 + Math.Abs(before[f])));
        }
    }

    private static void FormerSolve(float[] gram, float[] factors, int d, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float alpha, int steps, float[] x)
    {
        float[] r = new float[d], p = new float[d], ap = new float[d];
        RowProduct.Residual(gram, factors, d, indices, values, alpha, x, r);
        r.CopyTo(p);
        var rsOld = TensorPrimitives.Dot<float>(r, r);
        if (rsOld < ConjugateGradient.Tolerance) return;
        for (var step = 0; step < steps; step++)
        {
            RowProduct.Multiply(gram, factors, d, indices, values, alpha, p, ap);
            var a = rsOld / TensorPrimitives.Dot<float>(p, ap);
            TensorPrimitives.MultiplyAdd(p, a, x, x);
            TensorPrimitives.MultiplyAdd(ap, -a, r, r);
            var rsNew = TensorPrimitives.Dot<float>(r, r);
            if (rsNew < ConjugateGradient.Tolerance) break;
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    private static float[] Random(int d, ref Rng rng)
    {
        var v = new float[d];
        for (var f = 0; f < d; f++) v[f] = rng.NextFloat() - 0.5f;
        return v;
    }
}
