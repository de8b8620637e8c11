using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// The per-worker copies of BPR's hot items (<see cref="BprItemCopies"/>): the hot set, the delayed-update merge against a plain
/// loop written from its definition (S' = S + sum over workers of (C_w - S), then every copy = S'), and the option.
/// </summary>
public sealed unsafe class BprItemCopiesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(80)]
    public void AddDelta_EqualsThePlainLoop(int length)
    {
        var rng = new Rng(8);
        float[] Draw() => Enumerable.Range(0, length).Select(_ => rng.NextFloat() - 0.5f).ToArray();
        float[] shared = Draw(), copy = Draw(), start = Draw();
        var expected = new float[length];
        for (var f = 0; f < length; f++) expected[f] = shared[f] + (copy[f] - start[f]);

        fixed (float* s = shared, c = copy, b = start) BprItemCopies.AddDelta(s, c, b, length);

        Assert.Equal(expected, shared);
    }

    [Fact]
    public void ByPopularity_CountDescending_TiesByIndex_EmptyColumnsLast_AndRelabelSortsEachRow()
    {
        // Column counts: 0 -> 1, 1 -> 3, 2 -> 0, 3 -> 3, 4 -> 2.
        var m = CsrMatrix.FromTriples(4, 5, [0, 1, 2, 0, 1, 3, 0, 1, 2], [1, 1, 1, 3, 3, 3, 4, 4, 0], [1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f]);

        var originalOf = BprItemOrder.ByPopularity(m.ColumnCounts());
        var relabelled = BprItemOrder.Relabel(m, originalOf);

        Assert.Equal([1, 3, 4, 0, 2], originalOf);
        // Labels: 1 -> 0, 3 -> 1, 4 -> 2, 0 -> 3, 2 -> 4. Rows {1,3,4} {1,3,4} {0,1} {3}.
        Assert.Equal([0, 1, 2, 0, 1, 2, 0, 3, 1], relabelled);
        Assert.Equal(4, BprItemCopies.HotCount(1024, m.ColumnCounts()));
        Assert.Equal(2, BprItemCopies.HotCount(2, m.ColumnCounts()));
    }

    [Fact]
    public void SyncThenMerge_AddsEveryChange_ToTheHotRowsOnly_AndResetsEveryCopy()
    {
        const int d = 20, rowsCount = 12, hot = 5;
        var items = new AlignedRows(rowsCount, d);
        var rng = new Rng(2);
        for (var r = 0; r < rowsCount; r++)
            for (var f = 0; f < d; f++) items.Row(r)[f] = rng.NextFloat();
        var bias = Enumerable.Range(0, rowsCount).Select(_ => rng.NextFloat()).ToArray();
        var before = Enumerable.Range(0, rowsCount).Select(r => items.Row(r).ToArray()).ToArray();
        var biasBefore = (float[])bias.Clone();
        var sut = new BprItemCopies(items, bias, hot, 3);
        // Worker 1 never starts (no copy): the merge sums the copies that exist.
        BprItemCopies.Copy c0 = sut.For(0), c2 = sut.For(2);
        // The sum of every change made in any copy, in double: the shared rows must end at before + all of them.
        var expected = before.Take(hot).Select(r => r.Select(f => (double)f).ToArray()).ToArray();
        var expectedBias = biasBefore.Take(hot).Select(f => (double)f).ToArray();
        void Change(BprItemCopies.Copy c)
        {
            for (var s = 0; s < hot; s++)
            {
                for (var f = 0; f < d; f++)
                {
                    var change = rng.NextFloat() - 0.5f;
                    c.Rows.Row(s)[f] += change;
                    expected[s][f] += change;
                }
                var b = rng.NextFloat() - 0.5f;
                c.Bias[s] += b;
                expectedBias[s] += b;
            }
        }

        Change(c0);
        // Worker 0 syncs mid-epoch: S takes its change and its copy restarts from S, while worker 2's copy is against the old S.
        sut.Sync(c0);
        for (var s = 0; s < hot; s++)
        {
            Assert.Equal(items.Row(s).ToArray(), c0.Rows.Row(s).ToArray());
            Assert.Equal(items.Row(s).ToArray(), c0.Start.Row(s).ToArray());
            Assert.Equal(before[s], c2.Start.Row(s).ToArray());
        }
        Change(c2);
        Change(c0);
        items.Row(7)[0] = 42f;
        sut.Merge();

        for (var s = 0; s < hot; s++)
        {
            for (var f = 0; f < d; f++) Assert.Equal(expected[s][f], items.Row(s)[f], 1e-5);
            Assert.Equal(expectedBias[s], bias[s], 1e-5);
            foreach (var c in new[] { c0, c2 })
            {
                Assert.Equal(items.Row(s).ToArray(), c.Rows.Row(s).ToArray());
                Assert.Equal(items.Row(s).ToArray(), c.Start.Row(s).ToArray());
                Assert.Equal(bias[s], c.Bias[s]);
                Assert.Equal(bias[s], c.StartBias[s]);
            }
        }
        // Cold rows: only what was written in place.
        before[7][0] = 42f;
        for (var j = hot; j < rowsCount; j++)
        {
            Assert.Equal(before[j], items.Row(j).ToArray());
            Assert.Equal(biasBefore[j], bias[j]);
        }
    }

    [Theory]
    [InlineData(2, 1024)]
    [InlineData(2, 7)]
    [InlineData(3, 1024)]
    [InlineData(2, 0)]
    public void Fit_TwoOrMoreThreads_WithPrivateHotItems_LearnsPlantedBlocks(int threads, int privateItems)
    {
        var data = BprEpochReferenceTests.TwoPlantedBlocks();
        var reports = new List<Encore.Models.Contract.EpochReport>();
        var options = new BprOptions { Factors = 8, Iterations = 6, Threads = threads, LearningRate = 0.2, Seed = 9, PrivateItems = privateItems };

        var model = new BprTrainer(options).Fit(data, new AlsTrainerTests.ListProgress(reports));

        Assert.True(reports[^1].Loss < reports[0].Loss - 0.05, $"loss {reports[0].Loss} -> {reports[^1].Loss}");
        BprEpochReferenceTests.AssertOwnBlockFirst(model);
    }

    [Fact]
    public void PrivateItems_Defaults1024_BindsFromASetting_RejectsNegative()
    {
        Assert.Equal(1024, new BprOptions().PrivateItems);
        var trainer = (BprTrainer)Encore.Models.Training.CoreTrainerCatalog.Create("bpr", new Dictionary<string, string> { ["private-items"] = "0" });
        Assert.Equal(0, trainer.Options.PrivateItems);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BprOptions { PrivateItems = -1 });
    }
}
