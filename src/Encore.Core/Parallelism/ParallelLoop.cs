namespace Encore.Core.Parallelism;

/// <summary>
/// The one parallel primitive: a range [0, count) cut into chunks that workers pull dynamically.
/// Each worker gets its own scratch object, created once before its first chunk, so hot loops
/// never allocate. Worker count 0 means all cores. Cancellation is checked between chunks.
/// </summary>
public static class ParallelLoop
{
    /// <summary>Number of workers for a requested degree (0 or less = all cores).</summary>
    public static int Workers(int degree) => degree > 0 ? degree : Environment.ProcessorCount;

    public static void For<TScratch>(int count, int degreeOfParallelism, Func<int, TScratch> createScratch,
        Action<int, int, TScratch> body, CancellationToken cancellationToken = default, int chunkSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return;
        var workers = Math.Min(Workers(degreeOfParallelism), count);
        var chunk = chunkSize > 0 ? chunkSize : Math.Max(1, count / (workers * 16));
        if (workers == 1)
        {
            var scratch = createScratch(0);
            // long so that start + chunk cannot wrap past int.MaxValue.
            for (long start = 0; start < count; start += chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body((int)start, (int)Math.Min(count, start + chunk), scratch);
            }
            return;
        }

        var next = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, workers, options, (worker, state) =>
            {
                var scratch = createScratch(worker);
                // ShouldExitCurrentIteration turns true when another worker has thrown: stop pulling chunks.
                while (!state.ShouldExitCurrentIteration)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var start = Interlocked.Add(ref next, chunk) - chunk;
                    if (start >= count) break;
                    body((int)start, (int)Math.Min(count, start + chunk), scratch);
                }
            });
        }
        catch (AggregateException ex)
        {
            // Surface the worker's own exception type (cancellation, data errors) instead of a wrapper.
            var inner = ex.Flatten().InnerExceptions;
            if (inner.All(e => e is OperationCanceledException)) throw new OperationCanceledException(cancellationToken);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner[0]).Throw();
            throw;
        }
    }

    /// <summary>Variant without scratch.</summary>
    public static void For(int count, int degreeOfParallelism, Action<int, int> body,
        CancellationToken cancellationToken = default, int chunkSize = 0) =>
        For<object?>(count, degreeOfParallelism, _ => null, (s, e, _) => body(s, e), cancellationToken, chunkSize);
}
