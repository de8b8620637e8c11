using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// Pins the stratified ByUser epoch (<see cref="BprOptions.Stratified"/>, DSGD) against a plain sequential loop written from its
/// definition on the model layout: per epoch a random item block per item, K sub-epochs, stratum (user block b, item block
/// (b + s) mod K) visiting its users' positives in that block with negatives from that block's table. No two strata of a
/// sub-epoch share a row or a bias, so with K threads the fit must equal the sequential loop bit for bit.
/// </summary>
public sealed class BprStrataTests
{
    [Theory]
    [InlineData(8, NegativeSampling.Popularity, true, 2)]
    [InlineData(64, NegativeSampling.Popularity, true, 2)]
    [InlineData(20, NegativeSampling.Uniform, true, 2)]
    [InlineData(3, NegativeSampling.Popularity, false, 3)]
    [InlineData(16, NegativeSampling.Uniform, false, 4)]
    public void Fit_Stratified_EqualsThePlainStratifiedLoopExactly(int factors, NegativeSampling negatives, bool verify, int threads)
    {
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(60, 45, 500, seed: 11));
        var options = Options(factors, negatives, verify, threads);

        var model = new BprTrainer(options).Fit(data);
        var (users, items, _) = Reference(data.Signal, options, threads);

        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
    }

    [Fact]
    public void Fit_Stratified_ReportsTheReferenceLossPerEpoch()
    {
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(90, 30, 900, seed: 4));
        var options = Options(8, NegativeSampling.Popularity, verify: true, threads: 2);
        var reports = new List<EpochReport>();

        new BprTrainer(options).Fit(data, new AlsTrainerTests.ListProgress(reports));
        var (_, _, losses) = Reference(data.Signal, options, 2);

        Assert.Equal(losses.Count, reports.Count);
        for (var e = 0; e < losses.Count; e++) Assert.Equal(losses[e], reports[e].Loss, 1e-6);
    }

    [Fact]
    public void Fit_TwoThreadsSameSeed_GivesTheSameFactors()
    {
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(400, 300, 6000, seed: 8));
        var options = new BprOptions { Factors = 32, Iterations = 5, Threads = 2, Seed = 17 };

        var first = new BprTrainer(options).Fit(data);
        var second = new BprTrainer(options).Fit(data);

        Assert.Equal(first.UserFactors.ToArray(), second.UserFactors.ToArray());
        Assert.Equal(first.ItemFactors.ToArray(), second.ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(1, true, SampleOrder.ByUser, 1)]
    [InlineData(2, false, SampleOrder.ByUser, 1)]
    [InlineData(2, true, SampleOrder.Pairs, 1)]
    [InlineData(2, true, SampleOrder.ByUser, 2)]
    [InlineData(5, true, SampleOrder.ByUser, 5)]
    public void Strata_OnlyByUserWithTwoOrMoreThreads(int threads, bool stratified, SampleOrder order, int expected)
    {
        var m = BprEpochReferenceTests.RandomMatrix(10, 10, 30, seed: 1);

        Assert.Equal(expected, BprTrainer.Strata(new BprOptions { Threads = threads, Stratified = stratified, Order = order }, m));
    }

    [Fact]
    public void Stratified_DefaultsToTrue_AndBindsFromASetting()
    {
        Assert.True(new BprOptions().Stratified);
        var trainer = (BprTrainer)Encore.Models.Training.CoreTrainerCatalog.Create("bpr", new Dictionary<string, string> { ["stratified"] = "false" });
        Assert.False(trainer.Options.Stratified);
    }

    [Theory]
    [InlineData(2, 3UL)]
    [InlineData(3, 9UL)]
    public unsafe void BlockPositives_OverTheBlocks_PartitionEveryRowInOrder(int blocks, ulong seed)
    {
        var m = BprEpochReferenceTests.RandomMatrix(50, 40, 600, seed);
        var rng = new Rng(seed);
        var blockOf = Enumerable.Range(0, m.Columns).Select(_ => (byte)rng.NextInt(blocks)).ToArray();
        var target = new int[m.Columns];
        for (var u = 0; u < m.Rows; u++)
        {
            var row = m.RowIndices(u).ToArray();
            var seen = new List<int>();
            for (var b = 0; b < blocks; b++)
            {
                int kept;
                fixed (int* r = row, t = target)
                fixed (byte* bo = blockOf)
                    kept = BprUserEpoch.BlockPositives(r, row.Length, bo, b, t);
                var part = target.AsSpan(0, kept).ToArray();
                Assert.Equal(row.Where(i => blockOf[i] == b), part);
                seen.AddRange(part);
            }
            Assert.Equal(row, seen.Order());
        }
    }

    [Fact]
    public void BuildInto_ABlock_HoldsExactlyItsItemsWeightsAndNeverDrawsOutside()
    {
        var m = BprEpochReferenceTests.RandomMatrix(80, 30, 700, seed: 5);
        var counts = m.ColumnCounts();
        var rng = new Rng(2);
        var blockOf = Enumerable.Range(0, m.Columns).Select(_ => (byte)rng.NextInt(2)).ToArray();
        var n = m.Columns;
        for (var block = 0; block < 2; block++)
        {
            var entries = new int[2 * n];
            var units = PopularityAliasTable.BuildInto(counts, blockOf, block, entries, new long[n], new int[n], new int[n]);

            Assert.Equal(Enumerable.Range(0, n).Where(j => blockOf[j] == block).Sum(j => counts[j]), units);
            for (var j = 0; j < n; j++) Assert.Equal(blockOf[j] == block ? (long)counts[j] * n : 0, PopularityAliasTable.Mass(entries, units, j));
            for (var t = 0; t < 20_000; t++)
            {
                var item = Draw(entries, units, n, ref rng);
                Assert.Equal(block, blockOf[item]);
                Assert.True(counts[item] > 0);
            }
        }
    }

    [Fact]
    public void BuildInto_NoFilter_EqualsTheMatrixTable()
    {
        var m = BprEpochReferenceTests.RandomMatrix(60, 45, 500, seed: 11);
        var entries = new int[2 * m.Columns];

        var units = PopularityAliasTable.BuildInto(m.ColumnCounts(), [], 0, entries, new long[m.Columns], new int[m.Columns], new int[m.Columns]);

        Assert.Equal(m.NonZeros, units);
        Assert.Equal(PopularityAliasTable.Build(m).Entries, entries);
    }

    private static unsafe int Draw(int[] entries, int units, int items, ref Rng rng)
    {
        var k = rng.NextInt(items);
        var r = rng.NextInt(units);
        fixed (int* e = entries) return PopularityAliasTable.Resolve(e, k, r);
    }

    private static BprOptions Options(int factors, NegativeSampling negatives, bool verify, int threads) =>
        BprEpochReferenceTests.ExactOptions(factors, negatives, verify, SampleOrder.ByUser) with { Threads = threads };

    // The stratified ByUser epochs from their definition, one stratum after another, one step at a time on the model layout.
    private static (float[] Users, float[] Items, List<double> Losses) Reference(CsrMatrix m, BprOptions o, int blocks)
    {
        var d = o.Factors;
        var n = m.Columns;
        var (users, items) = BprEpochReferenceTests.ReferenceStart(m, o);
        var order = Enumerable.Range(0, m.Rows).Where(u => m.RowLength(u) > 0 && m.RowLength(u) < n).ToArray();
        var orderRng = Rng.Fork(o.Seed, 1UL << 62);
        orderRng.Shuffle(order.AsSpan());
        var blockRng = Rng.Fork(o.Seed, 1UL << 60);
        var weights = o.Negatives == NegativeSampling.Popularity ? m.ColumnCounts() : [.. Enumerable.Repeat(1, n)];
        var lr = (float)o.LearningRate;
        var reg = (float)o.Regularization;
        var losses = new List<double>();
        for (var epoch = 1; epoch <= o.Iterations; epoch++)
        {
            var blockOf = new byte[n];
            for (var j = 0; j < n; j++) blockOf[j] = (byte)blockRng.NextInt(blocks);
            // Block c's negatives: w_j / W_c for the items of block c (a table over all items with the others at weight 0).
            var tables = new (int[] Entries, int Units)[blocks];
            for (var c = 0; c < blocks; c++)
            {
                var entries = new int[2 * n];
                tables[c] = (entries, PopularityAliasTable.BuildInto(weights, blockOf, c, entries, new long[n], new int[n], new int[n]));
            }
            double loss = 0;
            var steps = 0;
            for (var sub = 0; sub < blocks; sub++)
            {
                for (var b = 0; b < blocks; b++)
                {
                    var c = (b + sub) % blocks;
                    var (entries, units) = tables[c];
                    var rng = Rng.Fork(o.Seed, (1UL << 61) | ((ulong)epoch << 24) | ((ulong)sub << 12) | (uint)b);
                    for (var p = order.Length * b / blocks; p < order.Length * (b + 1) / blocks; p++)
                    {
                        var user = order[p];
                        var seen = m.RowIndices(user);
                        var row = seen.ToArray().Where(i => blockOf[i] == c).ToArray();
                        for (var k = 0; k < row.Length; k++)
                        {
                            var pick = k + rng.NextInt(row.Length - k);
                            (row[k], row[pick]) = (row[pick], row[k]);
                            var positive = row[k];
                            var entry = rng.NextInt(n);
                            var r = rng.NextInt(units);
                            var negative = r < entries[2 * entry] ? entry : entries[2 * entry + 1];
                            Assert.Equal(c, blockOf[negative]);
                            if (negative == positive) continue;
                            if (o.VerifyNegatives && seen.BinarySearch(negative) >= 0) continue;
                            loss += BprEpochReferenceTests.ReferenceStep(users, items, user, positive, negative, d, lr, reg);
                            steps++;
                        }
                    }
                }
            }
            losses.Add(steps == 0 ? double.NaN : loss / steps);
            if (epoch < o.Iterations) orderRng.Shuffle(order.AsSpan());
        }
        return (users, items, losses);
    }
}
