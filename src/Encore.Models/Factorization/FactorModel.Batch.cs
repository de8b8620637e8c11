using Encore.Core.Parallelism;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization;

/// <summary>
/// Blocked batch recommend: each worker takes 64 users, scores them against 256-item tiles (the tile's
/// item factors stay in cache while all 64 users use them), masks seen / excluded items of the tile and
/// feeds each user's bounded heap. Nothing is allocated per user.
/// </summary>
public abstract partial class FactorModel
{
    private const int BlockUsers = 64;
    private const int TileItems = 256;

    public override RecommendationBatch Recommend(ReadOnlySpan<int> users, int k, RecommendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        options ??= RecommendOptions.Default;
        if (options.Allow is not null) return base.Recommend(users, k, options, cancellationToken);
        var batch = new RecommendationBatch(users.Length, Math.Min(k, Items.Count));
        foreach (var u in users) _ = CheckUser(u);
        if (batch.K == 0 || users.Length == 0) return batch;

        var ids = users.ToArray();
        var seen = options.ExcludeSeen ? options.SeenItems ?? Interactions : null;
        var excluded = ExclusionMask(options.Exclude, NoSignalItems, Items.Count);
        var blocks = (ids.Length + BlockUsers - 1) / BlockUsers;
        ParallelLoop.For(blocks, Threads, _ => new BatchScratch(Dimensions, batch.K),
            (start, end, scratch) =>
            {
                for (var b = start; b < end; b++)
                {
                    var first = b * BlockUsers;
                    RecommendBlock(ids.AsSpan(first, Math.Min(BlockUsers, ids.Length - first)), first, seen, excluded, batch, scratch);
                }
            }, cancellationToken, chunkSize: 1);
        return batch;
    }

    private void RecommendBlock(ReadOnlySpan<int> users, int firstRow, CsrMatrix? seen, bool[]? excluded, RecommendationBatch batch, BatchScratch s)
    {
        var d = Dimensions;
        var n = Items.Count;
        var groups = (users.Length + 3) / 4 * 4;
        s.Users.AsSpan(0, groups * d).Clear();
        using var lease = LeaseFactors();
        for (var u = 0; u < users.Length; u++)
        {
            _userFactors.Slice((long)users[u] * d, d).CopyTo(s.Users.AsSpan(u * d, d));
            s.Heaps[u].Reset(batch.K);
            s.Cursors[u] = 0;
        }
        var itemsT = ItemsT;
        for (var t0 = 0; t0 < n; t0 += TileItems)
        {
            var t1 = Math.Min(t0 + TileItems, itemsT.Stride);
            for (var g = 0; g < groups; g += 4)
                ScoreKernel.Four(s.Users.AsSpan(g * d, 4 * d), d, itemsT.Data, itemsT.Stride, t0, t1, s.Tile.AsSpan(g * TileItems), TileItems);
            var limit = Math.Min(t1, n) - t0;
            for (var u = 0; u < users.Length; u++)
            {
                var row = s.Tile.AsSpan(u * TileItems, limit);
                if (seen is not null && users[u] < seen.Rows) MaskSeen(row, t0, seen.RowIndices(users[u]), ref s.Cursors[u]);
                Offer(row, t0, excluded, s.Heaps[u]);
            }
        }
        for (var u = 0; u < users.Length; u++)
        {
            var at = (firstRow + u) * batch.K;
            // A user without positive signal: the factors carry no evidence; the cold-start chain answers.
            if (!HasSignal(users[u])) s.Heaps[u].Reset(batch.K);
            batch.Counts[firstRow + u] = s.Heaps[u].Drain(batch.Items.AsSpan(at, batch.K), batch.Scores.AsSpan(at, batch.K));
        }
    }

    // Seen items are sorted, so one cursor per user walks them tile by tile.
    private static void MaskSeen(Span<float> row, int t0, ReadOnlySpan<int> seenItems, ref int cursor)
    {
        var t1 = t0 + row.Length;
        while (cursor < seenItems.Length && seenItems[cursor] < t1)
        {
            var item = seenItems[cursor++];
            if (item >= t0) row[item - t0] = float.NaN;
        }
    }

    private static void Offer(ReadOnlySpan<float> row, int t0, bool[]? excluded, TopKSelector heap)
    {
        var threshold = heap.Threshold;
        for (var i = 0; i < row.Length; i++)
        {
            // Later items have larger ids, so an equal score never displaces a held item (NaN fails too).
            if (!(row[i] > threshold) || (excluded is not null && excluded[t0 + i])) continue;
            heap.Offer(t0 + i, row[i]);
            threshold = heap.Threshold;
        }
    }

    // Excluded items plus items without any positive signal (never recommended: no evidence behind them).
    private static bool[]? ExclusionMask(IReadOnlyList<int>? exclude, bool[]? noSignal, int n)
    {
        if (exclude is null || exclude.Count == 0) return noSignal;
        var mask = noSignal is null ? new bool[n] : (bool[])noSignal.Clone();
        for (var i = 0; i < exclude.Count; i++)
            if ((uint)exclude[i] < (uint)n) mask[exclude[i]] = true;
        return mask;
    }

    private sealed class BatchScratch
    {
        public BatchScratch(int d, int k)
        {
            Users = new float[BlockUsers * d];
            Tile = new float[BlockUsers * TileItems];
            Heaps = new TopKSelector[BlockUsers];
            for (var i = 0; i < BlockUsers; i++) Heaps[i] = new TopKSelector(k);
        }

        public float[] Users { get; }

        public float[] Tile { get; }

        public TopKSelector[] Heaps { get; }

        public int[] Cursors { get; } = new int[BlockUsers];
    }
}
