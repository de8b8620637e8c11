namespace Encore.Online.Serving;

/// <summary>
/// The work a model activation starts off the request path (fold-in settings, scoring warm-up), tracked so that
/// disposing the service waits for it. Work that outlived its engine read a store that was closed: in the demo's
/// second run (CI, a loaded machine) the registered models were missing afterwards. The likely path: a late read of the
/// first run's SQLite file opened a pooled connection after the demo cleared the pools and before it deleted the file,
/// and the second run's store was then handed that connection to the deleted file and wrote its models there.
/// </summary>
/// <remarks>Thread-safe. Failures are observed and dropped: the request that needs the result meets them and reports them.</remarks>
internal sealed class ActivationWork : IDisposable
{
    private readonly HashSet<Task> _running = [];
    private readonly CancellationTokenSource _stop = new();
    private bool _disposed;

    /// <summary>Runs <paramref name="work"/> on the thread pool, unless the service is disposed (then nothing runs).</summary>
    public void Start(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_running)
        {
            if (_disposed) return;
            var task = Task.Run(work, _stop.Token);
            _running.Add(task);
            task.ContinueWith(Finished, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Work started so far and not finished (tests).</summary>
    /// <remarks>
    /// Counts unfinished tasks rather than the set's size: a task is complete (and <see cref="Dispose"/> returns)
    /// before the continuation that drops it from the set has run.
    /// </remarks>
    public int Running
    {
        get
        {
            lock (_running) return _running.Count(task => !task.IsCompleted);
        }
    }

    /// <summary>Starts nothing more, drops work not yet begun and waits for the work that has.</summary>
    public void Dispose()
    {
        Task[] running;
        lock (_running)
        {
            if (_disposed) return;
            _disposed = true;
            _stop.Cancel();
            running = [.. _running];
        }
        try
        {
            Task.WaitAll(running);
        }
        catch (AggregateException)
        {
            // Failed or dropped work: already observed in Finished.
        }
        _stop.Dispose();
    }

    private void Finished(Task task)
    {
        _ = task.Exception;
        lock (_running) _running.Remove(task);
    }
}
