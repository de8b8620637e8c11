using System.Runtime.CompilerServices;
using Encore.Core.Parallelism;
using Encore.Core.Ranking;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization;

/// <summary>
/// Blocked batch recommend: each worker takes 64 users and scores them, four at a time, against 64-item panels of
/// the item factors sorted by decreasing norm (<see cref="NormPanels"/>; the panel stays in cache while every user
/// uses it); only scores that can enter a user's bounded heap are checked against seen / excluded items. A user stops
/// at the first panel whose norm bound is below its k-th best score, so most users read a small part of the item
/// factors; the answer is exact (the same ids and scores as scoring every item). Nothing is allocated per user.
/// </summary>
public abstract partial class FactorModel
{
    private const int BlockUsers = 64;

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

    [ThreadStatic]
    private static BatchScratch? _threadScratch;

    /// <summary>
    /// Exact top-k for one user on the calling thread: the batch path's answer (the same ids and scores as scoring every
    /// item and selecting), reading only the panels of item factors whose norm bound can still place an item in the
    /// top k. Masks the items of <paramref name="seen"/>'s row of the user (when given), <paramref name="exclude"/> and
    /// items without signal; unlike <see cref="Recommend"/> it does not check the user's own signal (callers send users
    /// without signal to the cold-start chain). Allocates the result only (per-thread scratch).
    /// </summary>
    /// <param name="user">User index in [0, Users.Count).</param>
    /// <param name="k">Items wanted (&gt;= 0); fewer come back when fewer items are left after masking.</param>
    /// <param name="seen">Items to mask per user (usually <see cref="RecommenderBase.Interactions"/>), or null.</param>
    /// <param name="exclude">Item indices to mask, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The user index is out of range or k is negative.</exception>
    public (int[] Items, float[] Scores) RecommendOne(int user, int k, CsrMatrix? seen, IReadOnlyList<int>? exclude = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        _ = CheckUser(user);
        k = Math.Min(k, Items.Count);
        if (k == 0) return ([], []);
        var scratch = _threadScratch;
        if (scratch is null || scratch.Dimensions != Dimensions || scratch.Heaps[0].Capacity < k) _threadScratch = scratch = new BatchScratch(Dimensions, Math.Max(k, 16));
        PrunedTopK([user], k, seen, ExclusionMask(exclude, NoSignalItems, Items.Count), scratch);
        var heap = scratch.Heaps[0];
        var items = new int[heap.Count];
        var scores = new float[heap.Count];
        heap.Drain(items, scores);
        return (items, scores);
    }

    // Exact top-k of a block of users by norm-ordered panels (NormPanels): panels are scored in order of decreasing
    // item norm, group by group of four users, and a user stops once its k-th best score is above the panel's bound;
    // the block stops when every user has. Scores are the fma chains of ScoreVector, so ids and scores match it.
    private void RecommendBlock(ReadOnlySpan<int> users, int firstRow, CsrMatrix? seen, bool[]? excluded, RecommendationBatch batch, BatchScratch s)
    {
        PrunedTopK(users, batch.K, seen, excluded, s);
        for (var u = 0; u < users.Length; u++)
        {
            var at = (firstRow + u) * batch.K;
            // A user without positive signal: the factors carry no evidence; the cold-start chain answers.
            if (!HasSignal(users[u])) s.Heaps[u].Reset(batch.K);
            batch.Counts[firstRow + u] = s.Heaps[u].Drain(batch.Items.AsSpan(at, batch.K), batch.Scores.AsSpan(at, batch.K));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PrunedTopK(ReadOnlySpan<int> users, int k, CsrMatrix? seen, bool[]? excluded, BatchScratch s)
    {
        var d = Dimensions;
        var groups = (users.Length + 3) / 4;
        s.Users.AsSpan(0, groups * 4 * d).Clear();
        using var lease = LeaseFactors();
        var panels = Panels;
        for (var u = 0; u < users.Length; u++)
        {
            var vector = s.Users.AsSpan(u * d, d);
            _userFactors.Slice((long)users[u] * d, d).CopyTo(vector);
            s.Norms[u] = NormPanels.Norm(vector);
            s.Heaps[u].Reset(k);
            s.Done[u] = k == 0;
        }
        var ids = panels.Items;
        for (var p = 0; p < panels.Count; p++)
        {
            var any = false;
            var panel = panels.Panel(p);
            for (var g = 0; g < groups; g++)
            {
                var first = g * 4;
                var last = Math.Min(first + 4, users.Length);
                var active = 0;
                var only = first;
                for (var u = first; u < last; u++)
                {
                    if (!s.Done[u] && s.Heaps[u].Count == k && panels.Bound(p, s.Norms[u]) < s.Heaps[u].Threshold) s.Done[u] = true;
                    if (s.Done[u]) continue;
                    active++;
                    only = u;
                }
                if (active == 0) continue;
                any = true;
                var tile = s.Tile.AsSpan(first * NormPanels.Width, 4 * NormPanels.Width);
                if (active == 1) ScoreKernel.One(s.Users.AsSpan(only * d, d), d, panel, NormPanels.Width, 0, NormPanels.Width, s.Tile.AsSpan(only * NormPanels.Width, NormPanels.Width));
                else ScoreKernel.Four(s.Users.AsSpan(first * d, 4 * d), d, panel, NormPanels.Width, 0, NormPanels.Width, tile, NormPanels.Width);
                for (var u = first; u < last; u++)
                {
                    if (s.Done[u]) continue;
                    var row = s.Tile.AsSpan(u * NormPanels.Width, NormPanels.Width);
                    var seenItems = seen is not null && users[u] < seen.Rows ? seen.RowIndices(users[u]) : default;
                    Offer(row, ids.AsSpan(p * NormPanels.Width, NormPanels.Width), seenItems, excluded, s.Heaps[u]);
                }
            }
            if (!any) break;
        }
    }

    // Offers a panel's scores to one user's heap; only scores that can enter are checked against the filters.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Offer(ReadOnlySpan<float> row, ReadOnlySpan<int> ids, ReadOnlySpan<int> seenItems, bool[]? excluded, TopKSelector heap)
    {
        var threshold = heap.Threshold;
        for (var i = 0; i < row.Length; i++)
        {
            // NaN fails; an equal score may still enter with a smaller id (the heap decides).
            if (!(row[i] >= threshold)) continue;
            var item = ids[i];
            if (item < 0 || (excluded is not null && excluded[item]) || (seenItems.Length > 0 && seenItems.BinarySearch(item) >= 0)) continue;
            heap.Offer(item, row[i]);
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
            Dimensions = d;
            Users = new float[BlockUsers * d];
            Tile = new float[BlockUsers * NormPanels.Width];
            Heaps = new TopKSelector[BlockUsers];
            for (var i = 0; i < BlockUsers; i++) Heaps[i] = new TopKSelector(k);
        }

        public int Dimensions { get; }

        public float[] Users { get; }

        public float[] Tile { get; }

        public TopKSelector[] Heaps { get; }

        public double[] Norms { get; } = new double[BlockUsers];

        public bool[] Done { get; } = new bool[BlockUsers];
    }
}
