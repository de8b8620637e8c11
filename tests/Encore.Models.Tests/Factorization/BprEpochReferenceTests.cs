using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// Pins the pipelined BPR epoch on the cache-line training layout against the plain loop on the model layout
/// ((d + 1)-float rows, bias last): with one thread they must give the same factors bit for bit (the Pairs order; the
/// default ByUser order is pinned in <see cref="BprUserOrderTests"/>).
/// </summary>
public sealed class BprEpochReferenceTests
{
    [Theory]
    [MemberData(nameof(ExactSettings))]
    public void Fit_OneThread_EqualsUnpipelinedModelLayoutLoopExactly(int factors, NegativeSampling negatives, bool verify)
    {
        var data = TrainingData.FromMatrix(RandomMatrix(60, 45, 500, seed: 11));
        var options = ExactOptions(factors, negatives, verify, SampleOrder.Pairs);

        var model = new BprTrainer(options).Fit(data);
        var (users, items, _) = Reference(data.Signal, options);

        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
    }

    [Fact]
    public void Fit_FewerPairsThanThePipelineDepth_EqualsReference()
    {
        var data = TrainingData.FromMatrix(RandomMatrix(4, 6, 3, seed: 2));
        var options = new BprOptions { Factors = 8, Iterations = 3, Threads = 1, LearningRate = 0.1, Order = SampleOrder.Pairs };

        var model = new BprTrainer(options).Fit(data);
        var (users, items, _) = Reference(data.Signal, options);

        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fit_OneTeamForAllEpochs_ReportsEveryEpochInOrder_WithTheMeanLossOfItsSteps(int threads)
    {
        var data = TwoPlantedBlocks();
        var reports = new List<EpochReport>();
        var options = new BprOptions { Factors = 8, Iterations = 6, Threads = threads, LearningRate = 0.2, Seed = 9, Order = SampleOrder.Pairs };

        new BprTrainer(options).Fit(data, new AlsTrainerTests.ListProgress(reports));

        Assert.Equal(Enumerable.Range(1, 6), reports.Select(r => r.Epoch));
        Assert.All(reports, r =>
        {
            Assert.Equal(6, r.TotalEpochs);
            // At the start every score is near 0, so the loss is near log 2 and falls as the ranking is learned.
            Assert.InRange(r.Loss, 0.05, 0.8);
            Assert.InRange(r.ValidationMetric!.Value, 0.0, 1.0);
        });
        Assert.True(reports[^1].Loss < reports[0].Loss - 0.05, $"loss {reports[0].Loss} -> {reports[^1].Loss}");
        if (threads > 1) return;
        // One thread: the same steps as the reference loop, whose loss is summed one log per step in double.
        var (_, _, losses) = Reference(data.Signal, options);
        for (var e = 0; e < losses.Count; e++) Assert.Equal(losses[e], reports[e].Loss, 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(64)]
    [InlineData(65)]
    public void AlignedRows_RowsStartOnCacheLines_AndRoundTrip(int d)
    {
        const int rows = 7, width = 70;
        var source = new float[rows * width];
        for (var k = 0; k < source.Length; k++) source[k] = k;
        var aligned = new AlignedRows(rows, d);
        aligned.CopyFrom(source, width);
        var back = new float[rows * width];
        aligned.CopyTo(back, width);

        Assert.Equal(0, aligned.Stride % 16);
        Assert.True(aligned.Stride >= d);
        for (var r = 0; r < rows; r++)
        {
            unsafe { Assert.Equal(0u, (nuint)(aligned.Base + (long)r * aligned.Stride) % AlignedRows.LineBytes); }
            Assert.Equal(source.AsSpan(r * width, d).ToArray(), back.AsSpan(r * width, d).ToArray());
            Assert.Equal(source.AsSpan(r * width, d).ToArray(), aligned.Row(r).ToArray());
        }
        Assert.Equal(rows * aligned.Stride, aligned.All.Length);
    }

    [Fact]
    public void AlignedRows_TargetTooSmall_Throws()
    {
        var aligned = new AlignedRows(3, 4);
        Assert.Throws<ArgumentException>(() => aligned.CopyTo(new float[11], 4));
        Assert.Throws<ArgumentException>(() => aligned.CopyFrom(new float[12], 3));
    }

    // The loop as it was before the pipeline: one stream per epoch (one worker), draws in order, the model layout.
    private static (float[] Users, float[] Items, List<double> Losses) Reference(CsrMatrix m, BprOptions o)
    {
        var d = o.Factors;
        var (users, items) = ReferenceStart(m, o);
        var rowOf = new int[m.NonZeros];
        for (var u = 0; u < m.Rows; u++) rowOf.AsSpan(m.Offsets[u], m.RowLength(u)).Fill(u);
        var lr = (float)o.LearningRate;
        var reg = (float)o.Regularization;
        var losses = new List<double>();
        for (var epoch = 1; epoch <= o.Iterations; epoch++)
        {
            double loss = 0;
            var steps = 0;
            var rng = Rng.Fork(o.Seed, ((ulong)epoch << 20) + 0);
            for (var s = 0; s < m.NonZeros; s++)
            {
                var entry = rng.NextInt(m.NonZeros);
                var negative = o.Negatives == NegativeSampling.Popularity ? m.ColumnIndices[rng.NextInt(m.NonZeros)] : rng.NextInt(m.Columns);
                var user = rowOf[entry];
                var positive = m.ColumnIndices[entry];
                var seen = m.RowIndices(user);
                if (seen.Length >= m.Columns || negative == positive) continue;
                if (o.VerifyNegatives && seen.BinarySearch(negative) >= 0) continue;
                loss += ReferenceStep(users, items, user, positive, negative, d, lr, reg);
                steps++;
            }
            losses.Add(loss / steps);
        }
        return (users, items, losses);
    }

    /// <summary>The exact-reproduction cases both epoch orders are pinned on: factors, negative sampling, negative check.</summary>
    public static TheoryData<int, NegativeSampling, bool> ExactSettings => new()
    {
        { 8, NegativeSampling.Popularity, true },
        { 9, NegativeSampling.Popularity, true },
        { 64, NegativeSampling.Popularity, true },
        { 20, NegativeSampling.Uniform, true },
        { 16, NegativeSampling.Uniform, false },
        { 3, NegativeSampling.Popularity, false },
    };

    /// <summary>The settings of those cases: one thread, 4 epochs, seed 5, in the given order.</summary>
    internal static BprOptions ExactOptions(int factors, NegativeSampling negatives, bool verify, SampleOrder order) => new()
    {
        Factors = factors,
        Iterations = 4,
        Threads = 1,
        LearningRate = 0.05,
        Regularization = 0.01,
        Negatives = negatives,
        VerifyNegatives = verify,
        Seed = 5,
        Order = order,
    };

    /// <summary>The reference start on the model layout: latent entries uniform in [-0.5 / d, 0.5 / d), user last entry 1, item bias 0.</summary>
    internal static (float[] Users, float[] Items) ReferenceStart(CsrMatrix m, BprOptions o)
    {
        var d = o.Factors;
        var width = d + 1;
        var users = InitUniform(m.Rows, width, o.Seed, 0, -0.5f / d, 0.5f / d);
        var items = InitUniform(m.Columns, width, o.Seed, 1UL << 40, -0.5f / d, 0.5f / d);
        for (var u = 0; u < m.Rows; u++) users[u * width + d] = 1f;
        for (var i = 0; i < m.Columns; i++) items[i * width + d] = 0f;
        return (users, items);
    }

    /// <summary>One BPR step on the model layout ((d + 1)-float rows), as the definition reads; returns -log sigmoid(x_uij).</summary>
    internal static double ReferenceStep(float[] users, float[] items, int user, int positive, int negative, int d, float lr, float reg)
    {
        var width = d + 1;
        var u = users.AsSpan(user * width, width);
        var i = items.AsSpan(positive * width, width);
        var j = items.AsSpan(negative * width, width);
        var x = BprUpdate.Score(u, i, j);
        var e = MathF.Exp(-MathF.Abs(x));
        var z = x >= 0 ? e / (1f + e) : 1f / (1f + e);
        BprUpdate.Apply(u, i, j, d, z, lr, reg);
        return -Math.Log(1 / (1 + Math.Exp(-(double)x)));
    }

    internal static float[] InitUniform(int rows, int d, ulong seed, ulong offset, float low, float high)
    {
        var f = new float[rows * d];
        for (var r = 0; r < rows; r++)
        {
            var rng = Rng.Fork(seed, offset + (ulong)r);
            for (var k = 0; k < d; k++) f[r * d + k] = low + (high - low) * rng.NextFloat();
        }
        return f;
    }

    /// <summary>On <see cref="TwoPlantedBlocks"/>: every user scores its own block above the other on average.</summary>
    internal static void AssertOwnBlockFirst(BprModel model)
    {
        var all = Enumerable.Range(0, 50).ToArray();
        var scores = new float[50];
        for (var u = 0; u < 80; u++)
        {
            model.Score(u, all, scores);
            var own = scores.AsSpan(u % 2 * 25, 25).ToArray().Average();
            var other = scores.AsSpan((1 - u % 2) * 25, 25).ToArray().Average();
            Assert.True(own > other, $"user {u}: own block {own}, other {other}");
        }
    }

    /// <summary>Two planted blocks: even users of 80 take items 0-24, odd users items 25-49 (10 draws each, seed 3), so the ranking is learnable.</summary>
    internal static TrainingData TwoPlantedBlocks()
    {
        var rng = new Rng(3);
        var r = new int[800];
        var c = new int[800];
        for (var k = 0; k < r.Length; k++)
        {
            r[k] = k % 80;
            c[k] = r[k] % 2 * 25 + rng.NextInt(25);
        }
        return TrainingData.FromMatrix(CsrMatrix.FromTriples(80, 50, r, c, Enumerable.Repeat(1f, r.Length).ToArray()));
    }

    internal static CsrMatrix RandomMatrix(int rows, int columns, int pairs, ulong seed)
    {
        var rng = new Rng(seed);
        var r = new int[pairs];
        var c = new int[pairs];
        var v = new float[pairs];
        for (var k = 0; k < pairs; k++)
        {
            r[k] = rng.NextInt(rows);
            // Skewed item popularity, so popularity sampling differs from uniform.
            c[k] = (int)(columns * Math.Pow(rng.NextDouble(), 2));
            v[k] = 1 + rng.NextInt(3);
        }
        return CsrMatrix.FromTriples(rows, columns, r, c, v);
    }
}
