using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// Pins the pipelined <see cref="SampleOrder.ByUser"/> epoch (cache-line training layout, prefetch ring, chunks) against a
/// plain loop written from its definition on the model layout ((d + 1)-float rows, bias last): shuffled users, each user's
/// positives once each in a lazily shuffled order, one stream per chunk of the order. With one thread they must give the
/// same factors bit for bit.
/// </summary>
public sealed class BprUserOrderTests
{
    [Theory]
    [MemberData(nameof(BprEpochReferenceTests.ExactSettings), MemberType = typeof(BprEpochReferenceTests))]
    public void Fit_OneThread_EqualsThePlainLoopExactly(int factors, NegativeSampling negatives, bool verify)
    {
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(60, 45, 500, seed: 11));
        var options = Options(factors, negatives, verify);

        var model = new BprTrainer(options).Fit(data);
        var (users, items, _) = Reference(data.Signal, options);

        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
    }

    [Fact]
    public void Fit_ManyChunks_UsersWithoutPositivesOrWithEveryItem_EqualsThePlainLoop()
    {
        // 300 users, a third of them empty (199 in the order: 4 positions per chunk), user 7 with every item (no negative: never stepped).
        var rng = new Rng(4);
        var r = new List<int>();
        var c = new List<int>();
        for (var u = 0; u < 300; u++)
        {
            if (u % 3 == 1) continue;
            var n = u == 7 ? 12 : 1 + rng.NextInt(6);
            for (var k = 0; k < n; k++)
            {
                r.Add(u);
                c.Add(u == 7 ? k : (int)(12 * Math.Pow(rng.NextDouble(), 2)));
            }
        }
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(300, 12, [.. r], [.. c], [.. Enumerable.Repeat(1f, r.Count)]));
        var options = Options(16, NegativeSampling.Popularity, verify: true);

        var model = new BprTrainer(options).Fit(data);
        var (users, items, _) = Reference(data.Signal, options);

        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
        Assert.DoesNotContain(7, BprUserEpoch.ActiveUsers(data.Signal));
        Assert.DoesNotContain(1, BprUserEpoch.ActiveUsers(data.Signal));
        Assert.Equal(4, BprUserEpoch.ChunkSize(BprUserEpoch.ActiveUsers(data.Signal).Length));
    }

    [Fact]
    public void Fit_FewerPairsThanThePipelineDepth_EqualsThePlainLoop()
    {
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(4, 6, 3, seed: 2));
        var options = Options(8, NegativeSampling.Popularity, verify: true) with { LearningRate = 0.1 };

        var model = new BprTrainer(options).Fit(data);
        var (users, items, _) = Reference(data.Signal, options);

        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
    }

    [Fact]
    public void Fit_NoUserWithANegative_ReportsNaNAndKeepsTheStart()
    {
        // Both users have both items: no step is possible.
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [1f, 1f, 1f, 1f]));
        var reports = new List<EpochReport>();
        var options = Options(4, NegativeSampling.Popularity, verify: true);

        var model = new BprTrainer(options).Fit(data, new AlsTrainerTests.ListProgress(reports));
        var (users, items, _) = Reference(data.Signal, options);

        Assert.Equal(options.Iterations, reports.Count);
        Assert.All(reports, r => Assert.True(double.IsNaN(r.Loss)));
        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fit_LearnsPlantedBlocks_ReportsEveryEpochInOrder(int threads)
    {
        var data = BprEpochReferenceTests.TwoPlantedBlocks();
        var reports = new List<EpochReport>();
        var options = new BprOptions { Factors = 8, Iterations = 6, Threads = threads, LearningRate = 0.2, Seed = 9, Order = SampleOrder.ByUser };

        var model = new BprTrainer(options).Fit(data, new AlsTrainerTests.ListProgress(reports));

        Assert.Equal(Enumerable.Range(1, 6), reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.InRange(r.Loss, 0.05, 0.8));
        Assert.True(reports[^1].Loss < reports[0].Loss - 0.05, $"loss {reports[0].Loss} -> {reports[^1].Loss}");
        BprEpochReferenceTests.AssertOwnBlockFirst(model);
        if (threads > 1) return;
        var (_, _, losses) = Reference(data.Signal, options);
        for (var e = 0; e < losses.Count; e++) Assert.Equal(losses[e], reports[e].Loss, 1e-6);
    }

    [Fact]
    public void Order_DefaultsToByUser_AndBindsFromASetting()
    {
        Assert.Equal(SampleOrder.ByUser, new BprOptions().Order);
        var trainer = (BprTrainer)Encore.Models.Training.CoreTrainerCatalog.Create("bpr", new Dictionary<string, string> { ["order"] = "pairs" });
        Assert.Equal(SampleOrder.Pairs, trainer.Options.Order);
    }

    [Fact]
    public void Order_Unknown_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BprOptions { Order = (SampleOrder)7 });

    private static BprOptions Options(int factors, NegativeSampling negatives, bool verify) =>
        BprEpochReferenceTests.ExactOptions(factors, negatives, verify, SampleOrder.ByUser);

    // The ByUser order from its definition, one step at a time on the model layout.
    private static (float[] Users, float[] Items, List<double> Losses) Reference(CsrMatrix m, BprOptions o)
    {
        var d = o.Factors;
        var (users, items) = BprEpochReferenceTests.ReferenceStart(m, o);
        var order = Enumerable.Range(0, m.Rows).Where(u => m.RowLength(u) > 0 && m.RowLength(u) < m.Columns).ToArray();
        var orderRng = Rng.Fork(o.Seed, 1UL << 62);
        orderRng.Shuffle(order.AsSpan());
        var chunk = Math.Max(1, (order.Length + 63) / 64);
        var alias = m.NonZeros > 0 ? PopularityAliasTable.Build(m) : null;
        var lr = (float)o.LearningRate;
        var reg = (float)o.Regularization;
        var losses = new List<double>();
        for (var epoch = 1; epoch <= o.Iterations; epoch++)
        {
            double loss = 0;
            var steps = 0;
            for (var start = 0; start < order.Length; start += chunk)
            {
                var rng = Rng.Fork(o.Seed, (1UL << 63) | ((ulong)epoch << 32) | (uint)start);
                for (var p = start; p < Math.Min(order.Length, start + chunk); p++)
                {
                    var user = order[p];
                    var seen = m.RowIndices(user);
                    var row = seen.ToArray();
                    for (var k = 0; k < row.Length; k++)
                    {
                        var pick = k + rng.NextInt(row.Length - k);
                        (row[k], row[pick]) = (row[pick], row[k]);
                        var positive = row[k];
                        // Popularity: an alias-table entry k and a unit r < nnz; the entry's own item for r below its threshold, else its alias.
                        var negative = rng.NextInt(m.Columns);
                        if (o.Negatives == NegativeSampling.Popularity)
                        {
                            var r = rng.NextInt(m.NonZeros);
                            negative = r < alias!.Entries[2 * negative] ? negative : alias.Entries[2 * negative + 1];
                        }
                        if (negative == positive) continue;
                        if (o.VerifyNegatives && seen.BinarySearch(negative) >= 0) continue;
                        loss += BprEpochReferenceTests.ReferenceStep(users, items, user, positive, negative, d, lr, reg);
                        steps++;
                    }
                }
            }
            losses.Add(steps == 0 ? double.NaN : loss / steps);
            if (epoch < o.Iterations) orderRng.Shuffle(order.AsSpan());
        }
        return (users, items, losses);
    }
}
