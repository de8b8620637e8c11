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
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(2, 64)]
    [InlineData(3, 37)]
    [InlineData(4, 80)]
    public void MergeDeltas_EqualsThePlainLoop(int workers, int length)
    {
        var rng = new Rng(8);
        var shared = Enumerable.Range(0, length).Select(_ => rng.NextFloat() - 0.5f).ToArray();
        // Each copy holds two rows; the merge works on the second (offset = length).
        var copies = Enumerable.Range(0, workers).Select(_ => Enumerable.Range(0, 2 * length).Select(_ => rng.NextFloat() - 0.5f).ToArray()).ToArray();
        var expectedShared = (float[])shared.Clone();
        var expectedCopies = copies.Select(c => (float[])c.Clone()).ToArray();
        for (var f = 0; f < length; f++)
        {
            var sum = expectedShared[f];
            foreach (var c in expectedCopies) sum += c[length + f] - expectedShared[f];
            expectedShared[f] = sum;
            foreach (var c in expectedCopies) c[length + f] = sum;
        }

        var handles = copies.Select(c => System.Runtime.InteropServices.GCHandle.Alloc(c, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
        try
        {
            var pointers = stackalloc nint[workers];
            for (var w = 0; w < workers; w++) pointers[w] = handles[w].AddrOfPinnedObject();
            fixed (float* s = shared) BprItemCopies.MergeDeltas(s, pointers, workers, length, length);
        }
        finally
        {
            foreach (var h in handles) h.Free();
        }

        Assert.Equal(expectedShared, shared);
        for (var w = 0; w < workers; w++) Assert.Equal(expectedCopies[w], copies[w]);
    }

    [Fact]
    public void MergeDeltas_HandWorked_AddsBothDeltas()
    {
        // Base 1; worker 0 moved it to 1.5 (+0.5), worker 1 to 0.75 (-0.25): 1 + 0.5 - 0.25 = 1.25 everywhere.
        float[] shared = [1f];
        float[] c0 = [1.5f], c1 = [0.75f];
        fixed (float* s = shared, p0 = c0, p1 = c1)
        {
            var pointers = stackalloc nint[2];
            pointers[0] = (nint)p0;
            pointers[1] = (nint)p1;
            BprItemCopies.MergeDeltas(s, pointers, 2, 0, 1);
        }
        Assert.Equal(1.25f, shared[0]);
        Assert.Equal(1.25f, c0[0]);
        Assert.Equal(1.25f, c1[0]);
    }

    [Fact]
    public void ByPopularity_CountDescending_TiesByIndex_EmptyColumnsLast_AndRelabelSortsEachRow()
    {
        // Column counts: 0 -> 1, 1 -> 3, 2 -> 0, 3 -> 3, 4 -> 2.
        var m = CsrMatrix.FromTriples(4, 5, [0, 1, 2, 0, 1, 3, 0, 1, 2], [1, 1, 1, 3, 3, 3, 4, 4, 0], [1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f]);

        var originalOf = BprItemOrder.ByPopularity(m);
        var relabelled = BprItemOrder.Relabel(m, originalOf);

        Assert.Equal([1, 3, 4, 0, 2], originalOf);
        // Labels: 1 -> 0, 3 -> 1, 4 -> 2, 0 -> 3, 2 -> 4. Rows {1,3,4} {1,3,4} {0,1} {3}.
        Assert.Equal([0, 1, 2, 0, 1, 2, 0, 3, 1], relabelled);
        Assert.Equal(4, BprItemCopies.HotCount(1024, m.ColumnCounts()));
        Assert.Equal(2, BprItemCopies.HotCount(2, m.ColumnCounts()));
    }

    [Fact]
    public void Merge_AddsEachWorkersDelta_ToTheHotRowsOnly_AndResetsEveryCopy()
    {
        const int d = 20, rowsCount = 12, hot = 5;
        var items = new AlignedRows(rowsCount, d);
        var rng = new Rng(2);
        for (var r = 0; r < rowsCount; r++)
            for (var f = 0; f < d; f++) items.Row(r)[f] = rng.NextFloat();
        var bias = Enumerable.Range(0, rowsCount).Select(_ => rng.NextFloat()).ToArray();
        var sut = new BprItemCopies(items, bias, hot, 3);
        var baseRows = Enumerable.Range(0, rowsCount).Select(r => items.Row(r).ToArray()).ToArray();
        var baseBias = (float[])bias.Clone();
        // Worker 1 never starts (no copy): the merge sums the copies that exist.
        var copies = new[] { sut.For(0), sut.For(2) };
        foreach (var c in copies)
            for (var s = 0; s < hot; s++)
            {
                Assert.Equal(baseRows[s], c.Rows.Row(s).ToArray());
                Assert.Equal(baseBias[s], c.Bias[s]);
                for (var f = 0; f < d; f++) c.Rows.Row(s)[f] += rng.NextFloat() - 0.5f;
                c.Bias[s] += rng.NextFloat() - 0.5f;
            }
        // A cold row written in place stays as written.
        items.Row(7)[0] = 42f;
        var before = copies.Select(c => (Rows: Enumerable.Range(0, hot).Select(s => c.Rows.Row(s).ToArray()).ToArray(), Bias: (float[])c.Bias.Clone())).ToArray();

        sut.Merge();

        for (var s = 0; s < hot; s++)
        {
            for (var f = 0; f < d; f++)
            {
                var sum = baseRows[s][f];
                foreach (var b in before) sum += b.Rows[s][f] - baseRows[s][f];
                Assert.Equal(sum, items.Row(s)[f]);
                foreach (var c in copies) Assert.Equal(sum, c.Rows.Row(s)[f]);
            }
            var biasSum = baseBias[s];
            foreach (var b in before) biasSum += b.Bias[s] - baseBias[s];
            Assert.Equal(biasSum, bias[s]);
            foreach (var c in copies) Assert.Equal(biasSum, c.Bias[s]);
        }
        Assert.Equal(42f, items.Row(7)[0]);
        for (var j = hot; j < rowsCount; j++)
        {
            if (j == 7) continue;
            Assert.Equal(baseRows[j], items.Row(j).ToArray());
            Assert.Equal(baseBias[j], bias[j]);
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

    [Fact]
    public void PrivateItems_Defaults1024_BindsFromASetting_RejectsNegative()
    {
        Assert.Equal(1024, new BprOptions().PrivateItems);
        var trainer = (BprTrainer)Encore.Models.Training.CoreTrainerCatalog.Create("bpr", new Dictionary<string, string> { ["private-items"] = "0" });
        Assert.Equal(0, trainer.Options.PrivateItems);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BprOptions { PrivateItems = -1 });
    }
}
