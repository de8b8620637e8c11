using System.Threading.Channels;
using Encore.Models.Contract;
using Encore.Models.Factorization;

namespace Encore.Online.Serving;

/// <summary>
/// Dynamic batching of concurrent single-user requests on factor models. Scoring one user reads every item
/// vector (25 MB for 100k tracks x 64 factors), so the cost is memory traffic; the model's blocked batch
/// kernel reads each tile of item vectors once for up to 64 users. Workers (one per core) take whatever
/// requests are waiting when they become free - no timer, so an idle server answers at once and a busy one
/// batches more - group them by (model, k, exclude seen) and run one batch call per group.
/// </summary>
internal sealed class FactorBatcher : IDisposable
{
    /// <summary>Largest batch: one block of the model's batch kernel.</summary>
    public const int MaxBatch = 64;

    // Below this, the single-user path is cheaper (the batch kernel works on groups of four users).
    private const int MinBatch = 4;

    private static readonly RecommendOptions NoSeen = new() { ExcludeSeen = false };

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _workers;

    public FactorBatcher(int workers = 0)
    {
        var count = workers > 0 ? workers : Environment.ProcessorCount;
        _workers = [.. Enumerable.Range(0, count).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Groups too small for the batch kernel score through the float16 copy (<see cref="FactorTopK"/>); same answers.</summary>
    public bool ReducedPrecision { get; init; }

    public Task<(int[] Items, float[] Scores)> Recommend(FactorModel model, int user, int k, bool excludeSeen)
    {
        var pending = new Pending(model, user, k, excludeSeen);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(FactorBatcher));
        return pending.Result.Task;
    }

    private async Task WorkAsync()
    {
        var taken = new List<Pending>(MaxBatch);
        var groups = new Dictionary<(FactorModel, int, bool), List<Pending>>();
        var spare = new Stack<List<Pending>>(); // group lists reused across batches: nothing allocated per request here
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            taken.Clear();
            while (taken.Count < MaxBatch && _queue.Reader.TryRead(out var item)) taken.Add(item);
            foreach (var used in groups.Values)
            {
                used.Clear();
                spare.Push(used);
            }
            groups.Clear();
            foreach (var p in taken)
            {
                if (!groups.TryGetValue((p.Model, p.K, p.ExcludeSeen), out var list))
                    groups[(p.Model, p.K, p.ExcludeSeen)] = list = spare.Count > 0 ? spare.Pop() : [];
                list.Add(p);
            }
            foreach (var group in groups.Values) Run(group);
        }
    }

    private void Run(List<Pending> group)
    {
        var first = group[0];
        var options = first.ExcludeSeen ? RecommendOptions.Default : NoSeen;
        ServingMetrics.BatchSize.Record(group.Count);
        try
        {
            if (group.Count < MinBatch)
            {
                foreach (var p in group)
                    p.Result.TrySetResult(FactorTopK.Recommend(p.Model, p.User, p.K, p.ExcludeSeen ? p.Model.Interactions : null, options, ReducedPrecision));
                return;
            }
            var users = new int[group.Count];
            for (var i = 0; i < users.Length; i++) users[i] = group[i].User;
            var batch = first.Model.Recommend(users, first.K, options);
            for (var i = 0; i < users.Length; i++) group[i].Result.TrySetResult((batch.ItemsOf(i).ToArray(), batch.ScoresOf(i).ToArray()));
        }
#pragma warning disable CA1031 // Whatever failed belongs to the waiting callers, not to the worker loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var p in group) p.Result.TrySetException(ex);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        Task.WaitAll(_workers, TimeSpan.FromSeconds(5));
    }

    private sealed record Pending(FactorModel Model, int User, int K, bool ExcludeSeen)
    {
        public TaskCompletionSource<(int[] Items, float[] Scores)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
