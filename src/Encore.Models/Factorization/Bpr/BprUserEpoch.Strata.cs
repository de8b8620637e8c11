using Encore.Core.Parallelism;
using Encore.Core.Randomness;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// The stratified schedule of the ByUser order (<see cref="BprOptions.Stratified"/>, 2+ workers): DSGD (Gemulla et al. 2011,
/// "Large-scale matrix factorization with distributed stochastic gradient descent") for BPR. With K workers an epoch cuts the
/// shuffled user order into K contiguous user blocks and the items into K random blocks (<see cref="ItemStrata"/>, re-drawn
/// every epoch), and runs K sub-epochs; in sub-epoch s the K strata (user block b, item block (b + s) mod K) run at once, one
/// per worker. Stratum (b, c) visits its users in order and, for each, the user's positives in item block c (shuffled, once
/// each) with a negative from block c's table. So no user row, item row or item bias is written by two workers at once (no
/// Hogwild races at all) and each positive still gets one step per epoch.
/// </summary>
/// <remarks>
/// What changes in the sampling: a positive i's negative comes from i's block only, P(j | i) = w_j / W_block for j in the block.
/// Each other item is in i's block with probability 1/K in every epoch, and a block holds about 1/K of the weight, so over the
/// block draws a negative j is drawn with probability about w_j / W, as without strata (LearnBPR / implicit); the objective is
/// the same in expectation, each epoch's sample is not. The draws depend on K (the worker count), not on timing: for a given
/// seed and thread count the fit is reproducible bit for bit. Stratum (b) of sub-epoch s in epoch e draws from
/// <c>Rng.Fork(Seed, <see cref="StratumStreams"/> | e &lt;&lt; 24 | s &lt;&lt; 12 | b)</c>.
/// </remarks>
internal sealed partial class BprUserEpoch
{
    /// <summary>Tag of the strata's streams (apart from the chunks' 2^63 | ..., the order's 2^62 and the blocks' 2^60).</summary>
    internal const ulong StratumStreams = 1UL << 61;

    /// <summary>The stream of stratum <paramref name="userBlock"/> in sub-epoch <paramref name="subEpoch"/> of epoch <paramref name="epoch"/> (1-based).</summary>
    internal static ulong StratumStream(int epoch, int subEpoch, int userBlock) =>
        StratumStreams | ((ulong)epoch << 24) | ((ulong)subEpoch << 12) | (uint)userBlock;

    /// <summary>Positions [start, end) of an order of <paramref name="users"/> users that form user block <paramref name="block"/> of <paramref name="blocks"/>.</summary>
    internal static (int Start, int End) UserBlock(int users, int block, int blocks) =>
        ((int)((long)users * block / blocks), (int)((long)users * (block + 1) / blocks));

    private static readonly int PerWorker = int.TryParse(Environment.GetEnvironmentVariable("ENCORE_BPR_PER_WORKER"), out var k) ? k : 1;

    private static readonly bool StickyItems = Environment.GetEnvironmentVariable("ENCORE_BPR_STICKY") == "items";

    // The slot `own` when no other worker has taken it this phase, else the first free one (a phase has as many slots as calls).
    private static int Claim(int[] claimed, int own)
    {
        if (own < claimed.Length && Interlocked.Exchange(ref claimed[own], 1) == 0) return own;
        for (var k = 0; ; k++)
            if (Interlocked.Exchange(ref claimed[k], 1) == 0) return k;
    }

    private unsafe void RunStratum(int[] order, int start, int end, Worker w, ulong stream, ItemStrata strata, int block)
    {
        // BlockOf is pinned (ItemStrata), so its address stays valid for the chunk.
        fixed (byte* blockOf = strata.BlockOf)
            RunChunk(order, start, end, w, stream, strata.Entries[block], strata.Units[block], strata.Bias[block], new BlockPositivesOf(blockOf, block));
    }

    /// <summary>
    /// As <see cref="Run"/>, in strata per sub-epoch (<paramref name="workerCount"/> workers, 2 to 255): one phase of the team
    /// per sub-epoch, <paramref name="afterEpoch"/> after the last sub-epoch of each epoch.
    /// </summary>
    public void RunStratified(int workerCount, int epochs, Action<int, double, double> afterEpoch, CancellationToken cancellationToken)
    {
        var blocks = workerCount * PerWorker;
        var active = ActiveUsers(matrix);
        var order = GC.AllocateUninitializedArray<int>(active.Length, pinned: true);
        active.CopyTo(order, 0);
        var orderRng = Rng.Fork(options.Seed, OrderStream);
        orderRng.Shuffle(order.AsSpan());
        var longestRow = 0;
        foreach (var u in active) longestRow = Math.Max(longestRow, matrix.RowLength(u));
        var strata = new ItemStrata(matrix, blocks, options.Seed, options.Negatives == NegativeSampling.Popularity);
        strata.Draw(itemBias);
        var workers = new Worker?[blocks];
        var claimed = new int[blocks];
        ParallelPhases.For(checked(epochs * blocks), blocks, workerCount,
            index => workers[index] = new Worker(longestRow, index),
            (phase, _, _, w) =>
            {
                var (epoch, sub) = (phase / blocks + 1, phase % blocks);
                // The team runs this body once per stratum; a worker takes the stratum of its own slot when free, so that one side of
                // the strata stays on its core from sub-epoch to sub-epoch (the result does not depend on who runs what).
                var slot = Claim(claimed, w.Index);
                var (b, c) = StickyItems ? ((slot + blocks - sub) % blocks, slot) : (slot, (slot + sub) % blocks);
                // Each item block is in exactly one stratum of sub-epoch 0, which builds its table for the epoch.
                if (sub == 0) strata.BuildTable(c);
                var (start, end) = UserBlock(order.Length, b, blocks);
                if (start < end && strata.Units[c] > 0)
                    RunStratum(order, start, end, w, StratumStream(epoch, sub, b), strata, c);
            },
            phase =>
            {
                Array.Clear(claimed);
                if (phase % blocks != blocks - 1) return;
                var epoch = phase / blocks + 1;
                strata.Gather(itemBias);
                BprEpochTally.Report(workers, epoch, afterEpoch);
                if (epoch == epochs) return;
                orderRng.Shuffle(order.AsSpan());
                strata.Draw(itemBias);
            }, cancellationToken, 1);
    }
}
