using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// The ByUser order's hot items kept private per worker (<see cref="BprHotItems"/>, <see cref="BprHotRows"/>): which items
/// are hot, that a merge adds exactly the worker's deltas, and fits with the set forced against the plain loop.
/// </summary>
public sealed class BprHotItemsTests
{
    [Fact]
    public void Choose_TakesTheMostPopular_TiesToTheLowerIndex_UntilAQuarterOfTheNonzeros()
    {
        // Column counts: item 0: 1, item 1: 4, item 2: 4, item 3: 2, item 4..9: 1 each (17 nonzeros; a quarter is 4.25).
        var m = Matrix(10, [(0, 1), (1, 1), (2, 1), (3, 1), (0, 2), (1, 2), (2, 2), (3, 2), (0, 3), (1, 3), (0, 0), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 9)]);

        var hot = BprHotItems.Choose(m, stride: 16)!;

        Assert.Equal([1, 2], hot.Ids);
        Assert.Equal(1, hot.Slots[1]);
        Assert.Equal(2, hot.Slots[2]);
        Assert.Equal(10, hot.Slots.Length);
        Assert.Equal(8, hot.Slots.Count(s => s == 0));
    }

    [Fact]
    public void Choose_CapsAtTheByteBudget_AndAForcedCount()
    {
        // 300 items, one nonzero each: a quarter needs 75 items; rows of 1023 + 1 floats fit 128 KiB / 8 KiB = 16.
        var m = Matrix(300, [.. Enumerable.Range(0, 300).Select(i => (i % 7, i))]);

        Assert.Equal(75, BprHotItems.Choose(m, stride: 16)!.Ids.Length);
        Assert.Equal(16, BprHotItems.Choose(m, stride: 1023)!.Ids.Length);
        Assert.Equal(BprHotItems.MaxItems, BprHotItems.Choose(m, stride: 16, count: 1000)!.Ids.Length);
        Assert.Equal([0, 1, 2], BprHotItems.Choose(m, stride: 16, count: 3)!.Ids);
        Assert.Null(BprHotItems.Choose(m, stride: 16, count: 0));
    }

    [Fact]
    public void AddDelta_AddsCopyMinusSnapshot()
    {
        float[] shared = [1f, 2f, 3f, -4f];

        BprHotRows.AddDelta(shared, [0.75f, 3f, 1f, 0f], [0.5f, 1f, 1f, 2f]);

        Assert.Equal([1.25f, 4f, 3f, -6f], shared);
    }

    [Fact]
    public void Merge_AddsExactlyThisWorkersDeltas_KeepsTheOthersAndTheColdItems()
    {
        // Items 0..3, item 2 the most popular, then item 0: a hot set of two.
        var m = Matrix(4, [(0, 2), (1, 2), (2, 2), (0, 0), (1, 0), (2, 1), (3, 3)]);
        var hot = BprHotItems.Choose(m, stride: 8, count: 2)!;
        Assert.Equal([2, 0], hot.Ids);
        var items = new AlignedRows(4, 3);
        for (var i = 0; i < 4; i++) items.Row(i).Fill(i + 1);
        float[] bias = [0.5f, 1f, 2f, 4f];
        var rows = new BprHotRows(hot, 3);

        rows.Load(items, bias);
        Assert.Equal([3f, 3f, 3f], rows.Rows.Row(0).ToArray());
        Assert.Equal([1f, 1f, 1f], rows.Rows.Row(1).ToArray());
        // This worker's steps: item 2 (slot 0) gains (1, -0.5, 0.25) and bias +0.5; item 0 (slot 1) loses 0.25 on entry 2.
        rows.Rows.Row(0)[0] += 1f;
        rows.Rows.Row(0)[1] -= 0.5f;
        rows.Rows.Row(0)[2] += 0.25f;
        rows.Bias[0] += 0.5f;
        rows.Rows.Row(1)[2] -= 0.25f;
        // Meanwhile another worker merged into item 2 and a cold item changed.
        items.Row(2)[0] = 10f;
        bias[2] = 3f;
        items.Row(3)[1] = 7f;

        rows.Merge(items, bias, new Lock());

        Assert.Equal([11f, 2.5f, 3.25f], items.Row(2).ToArray());
        Assert.Equal([1f, 1f, 0.75f], items.Row(0).ToArray());
        Assert.Equal([2f, 2f, 2f], items.Row(1).ToArray());
        Assert.Equal([4f, 7f, 4f], items.Row(3).ToArray());
        Assert.Equal([0.5f, 1f, 3.5f, 4f], bias);
    }

    [Fact]
    public void Fit_TwoThreadsOneChunk_EmptyHotSet_EqualsThePlainLoopExactly()
    {
        // One active user: one chunk per epoch, so one worker steps at a time and the two-thread run is deterministic.
        var data = TrainingData.FromMatrix(Matrix(12, [(0, 1), (0, 3), (0, 4), (0, 8), (1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (1, 10), (1, 11)]));
        var options = BprUserOrderTests.Options(8, NegativeSampling.Popularity, verify: true) with { Threads = 2 };

        var model = new BprTrainer(options) { HotItems = 0 }.Fit(data);
        var (users, items, _) = BprUserOrderTests.Reference(data.Signal, options);

        Assert.Equal(users, model.UserFactors.ToArray());
        Assert.Equal(items, model.ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(NegativeSampling.Popularity, 5)]
    [InlineData(NegativeSampling.Uniform, 45)]
    public void Fit_OneThread_HotItemsForced_MatchesThePlainLoopUpToRounding(NegativeSampling negatives, int hotItems)
    {
        // With one worker the copy sees every step in order; only the merge's s + (copy - s) rounds, so the factors agree
        // to a few ulps of the entries, not bit for bit.
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(60, 45, 500, seed: 11));
        var options = BprUserOrderTests.Options(16, negatives, verify: true);

        var model = new BprTrainer(options) { HotItems = hotItems }.Fit(data);
        var (users, items, _) = BprUserOrderTests.Reference(data.Signal, options);

        var gotItems = model.ItemFactors.ToArray();
        var gotUsers = model.UserFactors.ToArray();
        for (var k = 0; k < items.Length; k++) Assert.Equal(items[k], gotItems[k], 1e-5f);
        for (var k = 0; k < users.Length; k++) Assert.Equal(users[k], gotUsers[k], 1e-5f);
        Assert.NotEqual(items, gotItems);
    }

    private static CsrMatrix Matrix(int columns, (int Row, int Column)[] pairs)
    {
        var rows = pairs.Max(p => p.Row) + 1;
        return CsrMatrix.FromTriples(rows, columns, [.. pairs.Select(p => p.Row)], [.. pairs.Select(p => p.Column)], [.. Enumerable.Repeat(1f, pairs.Length)]);
    }
}
