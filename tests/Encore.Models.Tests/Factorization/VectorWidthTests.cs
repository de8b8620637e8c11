using Encore.Core.Randomness;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>The tests that switch <see cref="VectorWidth.Wide"/> (process-wide) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VectorWidthCollection
{
    public const string Name = "Vector width";
}

/// <summary>
/// The ALS kernels on each register width (<see cref="VectorWidth"/>: 256-bit AVX2, and 512-bit AVX-512 where this machine
/// has it): each path against a double-precision reference of the same formula, the kernel tests of the default path
/// re-run on the other, the one-row and block solvers bit-identical on each, and what differs between the paths: only
/// the dot products' lane chains (16 instead of 8), so the dense products, the weighted sums, the CG updates, Y^T Y and the
/// half-to-float widening give the same bits on both.
/// </summary>
[Collection(VectorWidthCollection.Name)]
public sealed class VectorWidthTests
{
    public static TheoryData<bool> Widths => [false, true];

    [Theory]
    [MemberData(nameof(Widths))]
    public void SparseTermsRowProductsAndCgStep_EachPath_MatchDoublePrecision(bool wide)
    {
        OnPath(wide, () =>
        {
            foreach (var (d, nonZeros) in new[] { (64, 1), (64, 7), (64, 40), (64, 300), (16, 9), (48, 33), (128, 17), (72, 20) })
            {
                var (gram, factors, indices, values, v) = Row(d, nonZeros, (ulong)(d * 1000 + nonZeros));
                const float alpha = 1.5f;
                foreach (var residual in new[] { false, true })
                {
                    var expected = ProductInDoubles(gram, factors, d, indices, values, alpha, v, residual);
                    var actual = new float[d];
                    if (residual) RowProduct.Residual(gram, factors, d, indices, values, alpha, v, actual);
                    else RowProduct.Multiply(gram, factors, d, indices, values, alpha, v, actual);
                    var scale = Scale(gram, factors, d, indices, values, alpha, v);
                    for (var f = 0; f < d; f++) Assert.True(Math.Abs(expected[f] - actual[f]) <= 2e-6 * scale[f], $"d {d}, {nonZeros} nonzeros, residual {residual}, output {f}: {actual[f]} against {expected[f]}");
                }
            }
            foreach (var d in new[] { 16, 48, 64, 128 })
            {
                var rng = new Rng((ulong)d);
                float[] p = Random(d, ref rng), x = Random(d, ref rng), r = Random(d, ref rng), ap = new float[d];
                for (var f = 0; f < d; f++) ap[f] = p[f] * (1f + rng.NextFloat());
                double pAp = 0, rr = 0;
                for (var f = 0; f < d; f++) (pAp, rr) = (pAp + (double)p[f] * ap[f], rr + (double)r[f] * r[f]);
                var a = rr / pAp;
                var (xs, rs) = ((float[])x.Clone(), (float[])r.Clone());

                var rsNew = CgUpdate.Step(p, ap, xs, rs, (float)rr, d);

                double rsExpected = 0;
                for (var f = 0; f < d; f++)
                {
                    var rf = r[f] - a * ap[f];
                    rsExpected += rf * rf;
                    Assert.Equal(x[f] + a * p[f], xs[f], 1e-5);
                    Assert.Equal(rf, rs[f], 1e-5);
                }
                Assert.Equal(rsExpected, rsNew, 1e-5 * rsExpected);
                Assert.Equal(rr, CgUpdate.SquaredNorm(r, d), 1e-5 * rr);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void KernelTests_RunOnEachPath(bool wide)
    {
        OnPath(wide, () =>
        {
            var sparse = new SparseRowTermsTests();
            foreach (var (d, nonZeros, residual) in new[] { (64, 40, false), (64, 300, true), (72, 129, false), (16, 135, true), (64, 1, true), (64, 3, true), (48, 20, false) })
                sparse.Add_EqualsOneDotOneAxpyPerNonzero_BitForBit(d, nonZeros, residual);
            foreach (var (d, nonZeros, residual) in new[] { (64, 40, false), (64, 300, true), (64, 7, true), (16, 135, true) })
                sparse.AddContiguous_EqualsAddOnTheSameRows_BitForBit(d, nonZeros, residual);
            var block = new BlockConjugateGradientTests();
            foreach (var (d, rows) in new[] { (16, 7), (48, 6), (64, 12), (64, 13), (128, 11) })
                block.GramProduct_MatchesScalarReference_AndOneRowKernelBitForBit(d, rows);
            foreach (var (d, steps, seed, gather) in new[] { (16, 3, 1UL, false), (64, 3, 2UL, false), (64, 3, 2UL, true), (48, 2, 7UL, true) })
                block.Solve_EqualsConjugateGradientRowByRow_BitForBit(d, steps, seed, gather);
            // bfloat16 at d = 64: paired blocks on the 512-bit path, widened by the gather on the 256-bit one.
            foreach (var bfloat16 in new[] { false, true })
                block.Solve_HalfGather_EqualsRowByRowOnTheFactorsRoundedToHalf_BitForBit(64, 3, 2, bfloat16);
            foreach (var (d, half, buffers, bfloat16) in new[] { (64, false, 0, false), (64, true, 1, false), (64, true, 0, true), (64, true, 2, true) })
                block.Solve_RowLongerThanTheBuffer_GatheredInChunksOrWhole_EqualsRowByRow_BitForBit(d, half, buffers, bfloat16);
            var cg = new CgUpdateTests();
            foreach (var (d, seed) in new[] { (16, 2UL), (64, 4UL), (128, 5UL) }) cg.Step_MatchesScalarReferenceAndTheFormerTensorPrimitivesSteps(d, seed);
            cg.DirectionAndSquaredNorm_MatchTheFormulas(64);
            new GramTests().Compute_MatchesDoublePrecisionSumOfOuterProducts(64, 200);
            new HalfRowsTests().Widen_EveryFiniteHalf_EqualsTheHalfAsFloat();
        });
    }

    [Fact]
    public void DenseProductsGramAndWidening_AreTheSameBitsOnBothPaths()
    {
        if (!VectorWidth.Hardware) return; // one path only here
        const int d = 64;
        var rng = new Rng(11);
        var gram = Random(d * d, ref rng);
        var v = Random(12 * d, ref rng);
        var factors = Random(300 * d, ref rng);
        // Every finite half (63,488 = 3,968 x 16 bit patterns), widened 16 at a time.
        var halves = Enumerable.Range(0, 1 << 16).Select(b => (ushort)b).Where(b => (b & 0x7c00) != 0x7c00).ToArray();

        float[] Block() { var o = new float[12 * d]; BlockGramProduct.Multiply(gram, v, o, 12, d, -1f); return o; }
        float[] YtY() => Gram.Compute(factors, 300, d, 2);
        float[] Widened()
        {
            var o = new float[halves.Length];
            for (var at = 0; at < halves.Length; at += 16) HalfRows.Widen(ref halves[at], ref o[at], 16, VectorWidth.For(16));
            return o;
        }
        float[] Direction() { var p = (float[])v[..d].Clone(); CgUpdate.Direction(v.AsSpan(d, d), p, 0.37f, d); return p; }

        var narrow = OnPath(false, () => (Block(), YtY(), Widened(), Direction()));
        var wide = OnPath(true, () => (Block(), YtY(), Widened(), Direction()));

        Assert.Equal(narrow.Item1, wide.Item1);
        Assert.Equal(narrow.Item2, wide.Item2);
        Assert.Equal(narrow.Item3, wide.Item3);
        Assert.Equal(narrow.Item4, wide.Item4);
        Assert.Equal(halves.Select(HalfRows.WidenReference), wide.Item3);
    }

    [Fact]
    public void SparseTerms_ExactDots_SameBitsOnBothPaths_RoundedDots_DifferOnlyInTheLastBits()
    {
        if (!VectorWidth.Hardware) return;
        const int d = 64;
        // Small integers: every dot is exact on any lane split, so the paths differ only where the dots round.
        var factors = new float[50 * d];
        for (var i = 0; i < factors.Length; i++) factors[i] = i * 7 % 9 - 4;
        var v = new float[d];
        for (var f = 0; f < d; f++) v[f] = f * 5 % 7 - 3;
        int[] indices = [.. Enumerable.Range(0, 30).Select(k => k * 13 % 50)];
        float[] values = [.. Enumerable.Range(0, 30).Select(k => (float)(1 + k % 4))];
        float[] Terms(float[] y, float[] x)
        {
            var o = new float[d];
            SparseRowTerms.Add(y, d, indices, values, 0.5f, x, o, residual: false);
            return o;
        }

        Assert.Equal(OnPath(false, () => Terms(factors, v)), OnPath(true, () => Terms(factors, v)));

        var rng = new Rng(4);
        var rounded = Random(50 * d, ref rng);
        var x2 = Random(d, ref rng);
        var narrow = OnPath(false, () => Terms(rounded, x2));
        var wide = OnPath(true, () => Terms(rounded, x2));
        for (var f = 0; f < d; f++) Assert.Equal(narrow[f], wide[f], 1e-5f * (1 + Math.Abs(narrow[f])));
    }

    [Fact]
    public void DotReference_SixteenLanes_AddsTheChainsOfLanesLAndLPlus8Last()
    {
        // d = 32, y[0] = 1, y[8] = y[24] = 2^-24, v = 1. Eight lanes: lane 0 chains 1 + 2^-24 (-> 1, tie to even), + 0,
        // + 2^-24 (-> 1): the dot is 1. Sixteen lanes: lane 0 holds 1 + 0, lane 8 holds 2^-24 + 2^-24 = 2^-23, and
        // t_0 = 1 + 2^-23 is a float: the dot is 1 + 2^-23.
        var y = new float[32];
        y[0] = 1f;
        y[8] = y[24] = MathF.Pow(2, -24);
        var v = Enumerable.Repeat(1f, 32).ToArray();

        Assert.Equal(1f, SparseRowTerms.DotReference(y, v, 8));
        Assert.Equal(1f + MathF.Pow(2, -23), SparseRowTerms.DotReference(y, v, 16));
        if (!VectorWidth.Hardware) return;
        float Kernel(bool wide) => OnPath(wide, () =>
        {
            var o = new float[32];
            // One nonzero with value 1 and alpha 1: c = 2, the product's weight (c - 1) dot = dot, and o = dot y.
            SparseRowTerms.Add(y, 32, [0], [1f], 1f, v, o, residual: false);
            return o[0];
        });
        Assert.Equal(1f, Kernel(false));
        Assert.Equal(1f + MathF.Pow(2, -23), Kernel(true));
    }

    [Fact]
    public void AlsFit_TheTwoPaths_AgreeToFloatRounding_AndEachIsDeterministic()
    {
        if (!VectorWidth.Hardware) return;
        const int d = 64;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows: 200, columns: 120, d, seed: 9);
        var options = new AlsOptions { Factors = d, Regularization = 0.3, Alpha = 2, Threads = 2 };
        float[] Solve()
        {
            var x = (float[])start.Clone();
            AlsHalfStep.Run(matrix, x, fixedFactors, d, options, new GramBuffers(d), CancellationToken.None);
            return x;
        }

        var narrow = OnPath(false, Solve);
        var wide = OnPath(true, Solve);

        Assert.Equal(wide, OnPath(true, Solve));
        Assert.Equal(narrow, OnPath(false, Solve));
        var largest = narrow.Max(Math.Abs);
        for (var i = 0; i < narrow.Length; i++) Assert.Equal(narrow[i], wide[i], 1e-4f * largest);
    }

    private static T OnPath<T>(bool wide, Func<T> action)
    {
        var before = VectorWidth.Wide;
        VectorWidth.Wide = wide;
        try
        {
            return action();
        }
        finally
        {
            VectorWidth.Wide = before;
        }
    }

    private static void OnPath(bool wide, Action action) => OnPath(wide, () =>
    {
        if (wide && !VectorWidth.Hardware) return 0; // no AVX-512 here: the default path's tests cover it
        Assert.Equal(wide, VectorWidth.Wide);
        action();
        return 0;
    });

    // b - A x (residual) or A v in doubles, A = G + sum_k (c_k - 1) y_k y_k^T, b = sum_k c_k p_k y_k.
    private static double[] ProductInDoubles(float[] gram, float[] factors, int d, int[] indices, float[] values, float alpha, float[] v, bool residual)
    {
        var o = new double[d];
        for (var k = 0; k < d; k++)
            for (var j = 0; j < d; j++) o[k] += (residual ? -1.0 : 1.0) * gram[k * d + j] * v[j];
        for (var n = 0; n < indices.Length; n++)
        {
            var c = 1.0 + alpha * Math.Abs((double)values[n]);
            double dot = 0;
            for (var f = 0; f < d; f++) dot += (double)factors[indices[n] * d + f] * v[f];
            var w = residual ? c * (values[n] > 0 ? 1 : 0) - (c - 1) * dot : (c - 1) * dot;
            for (var f = 0; f < d; f++) o[f] += w * factors[indices[n] * d + f];
        }
        return o;
    }

    // Per output, the sum of the terms' magnitudes: the scale float rounding is relative to.
    private static double[] Scale(float[] gram, float[] factors, int d, int[] indices, float[] values, float alpha, float[] v)
    {
        var s = new double[d];
        for (var k = 0; k < d; k++)
            for (var j = 0; j < d; j++) s[k] += Math.Abs((double)gram[k * d + j] * v[j]);
        for (var n = 0; n < indices.Length; n++)
        {
            var c = 1.0 + alpha * Math.Abs((double)values[n]);
            double dot = 0;
            for (var f = 0; f < d; f++) dot += Math.Abs((double)factors[indices[n] * d + f] * v[f]);
            for (var f = 0; f < d; f++) s[f] += (c + (c - 1) * dot) * Math.Abs(factors[indices[n] * d + f]) * d;
        }
        return s;
    }

    private static (float[] Gram, float[] Factors, int[] Indices, float[] Values, float[] V) Row(int d, int nonZeros, ulong seed)
    {
        var rng = new Rng(seed);
        const int items = 400;
        var factors = Random(items * d, ref rng);
        var gram = new float[d * d];
        for (var a = 0; a < d; a++)
            for (var b = a; b < d; b++) gram[a * d + b] = gram[b * d + a] = a == b ? 2f + rng.NextFloat() : (rng.NextFloat() - 0.5f) * 0.1f;
        var indices = new int[nonZeros];
        var values = new float[nonZeros];
        for (var k = 0; k < nonZeros; k++)
        {
            indices[k] = rng.NextInt(items);
            values[k] = k % 6 == 0 ? 0f : 1 + rng.NextInt(9);
        }
        return (gram, factors, indices, values, Random(d, ref rng));
    }

    private static float[] Random(int n, ref Rng rng)
    {
        var a = new float[n];
        for (var i = 0; i < n; i++) a[i] = rng.NextFloat() - 0.5f;
        return a;
    }
}
