using System.Threading.Channels;
using Encore.Models.Contract;
using Encore.Models.Factorization;

namespace Encore.Online.Serving;

/// <summary>
/// Dynamic batching of concurrent single-user requests on factor models. Workers (one per core) take whatever
/// requests are waiting when they become free - no timer, so an idle server answers at once and a busy one
/// batches more - group them by (model, k, exclude seen) and run one call of the model's blocked batch kernel per
/// group of at least four (each 64-item panel of item factors is read once for every user of the group); smaller
/// groups take the single-user path. A request whose caller cancels (a client that disconnected) while it waits is
/// completed as cancelled at once, its registration released, and skipped by the workers: it costs no scoring.
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

    /// <param name="workers">Worker tasks (default: one per core).</param>
    public FactorBatcher(int workers = 0)
    {
        var count = workers > 0 ? workers : Environment.ProcessorCount;
        _workers = [.. Enumerable.Range(0, count).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>
    /// Called by a worker before each scoring call with the model and the users it answers, in queue order (a test
    /// seam: a test holds a worker here to queue requests deterministically). Null in production.
    /// </summary>
    internal Action<FactorModel, int[]>? BeforeScoring { get; init; }

    /// <summary>Queues one user's top-k; the task completes with the same answer as <see cref="FactorTopK.Recommend"/>.</summary>
    /// <param name="model">The factor model.</param>
    /// <param name="user">User index in the model.</param>
    /// <param name="k">Items wanted.</param>
    /// <param name="excludeSeen">Mask the user's training items.</param>
    /// <param name="cancellationToken">Cancels the request while it waits (the task is then cancelled and nothing is scored for it).</param>
    /// <exception cref="ObjectDisposedException">The batcher is disposed.</exception>
    public Task<(int[] Items, float[] Scores)> Recommend(FactorModel model, int user, int k, bool excludeSeen, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<(int[], float[])>(cancellationToken);
        var pending = new Pending(model, user, k, excludeSeen);
        pending.Watch(cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(FactorBatcher)));
            throw new ObjectDisposedException(nameof(FactorBatcher));
        }
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
            while (taken.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                if (!item.Result.Task.IsCompleted) taken.Add(item); // cancelled while waiting: no work
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
        // Requests cancelled since they were taken (an earlier group of this round was scoring) are dropped here too.
        group.RemoveAll(p => p.Result.Task.IsCompleted);
        if (group.Count == 0) return;
        var first = group[0];
        var options = first.ExcludeSeen ? RecommendOptions.Default : NoSeen;
        ServingMetrics.BatchSize.Record(group.Count);
        try
        {
            if (BeforeScoring is { } hook) hook(first.Model, [.. group.Select(p => p.User)]);
            if (group.Count < MinBatch)
            {
                foreach (var p in group)
                    p.Complete(FactorTopK.Recommend(p.Model, p.User, p.K, p.ExcludeSeen ? p.Model.Interactions : null, options));
                return;
            }
            var users = new int[group.Count];
            for (var i = 0; i < users.Length; i++) users[i] = group[i].User;
            var batch = first.Model.Recommend(users, first.K, options);
            for (var i = 0; i < users.Length; i++) group[i].Complete((batch.ItemsOf(i).ToArray(), batch.ScoresOf(i).ToArray()));
        }
#pragma warning disable CA1031 // Whatever failed belongs to the waiting callers, not to the worker loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var p in group) p.Fail(ex);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        Task.WaitAll(_workers, TimeSpan.FromSeconds(5));
    }

    private sealed class Pending(FactorModel model, int user, int k, bool excludeSeen)
    {
        private CancellationTokenRegistration _registration;

        public FactorModel Model { get; } = model;

        public int User { get; } = user;

        public int K { get; } = k;

        public bool ExcludeSeen { get; } = excludeSeen;

        public TaskCompletionSource<(int[] Items, float[] Scores)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Cancellation completes the task at once (the caller stops waiting); the worker then skips the request.
        public void Watch(CancellationToken token)
        {
            if (!token.CanBeCanceled) return;
            _registration = token.UnsafeRegister(static (state, t) => ((Pending)state!).Cancel(t), this);
            if (Result.Task.IsCompleted) _registration.Unregister();
        }

        public void Complete((int[] Items, float[] Scores) answer)
        {
            if (Result.TrySetResult(answer)) _registration.Unregister();
        }

        public void Fail(Exception ex)
        {
            if (Result.TrySetException(ex)) _registration.Unregister();
        }

        private void Cancel(CancellationToken token)
        {
            if (Result.TrySetCanceled(token)) _registration.Unregister();
        }
    }
}
