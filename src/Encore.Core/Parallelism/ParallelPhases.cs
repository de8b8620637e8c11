using System.Runtime.ExceptionServices;

namespace Encore.Core.Parallelism;

/// <summary>
/// A sequence of parallel loops over the same range [0, count) ("phases", e.g. the epochs of SGD), run by one
/// long-lived team of workers instead of a new <see cref="ParallelLoop.For{TScratch}"/> per phase. Within a phase
/// the workers pull chunks dynamically, as in <see cref="ParallelLoop"/>; between phases they meet at a barrier, and
/// <c>afterPhase</c> runs exactly once, on one of the workers, while the others wait (so it may read and reset the
/// scratch objects). A short phase (a few milliseconds of work) then costs no thread-pool round trip, task or
/// closure per phase: the team is created once (the calling thread plus <c>workers - 1</c> dedicated threads).
/// Worker count 0 means all cores. Cancellation is checked between chunks; the first exception thrown by a worker,
/// <c>createScratch</c> or <c>afterPhase</c> stops every worker at the end of the phase and is rethrown with its own
/// type, token and stack trace.
/// </summary>
public static class ParallelPhases
{
    /// <summary>
    /// Runs phases 0 .. <paramref name="phases"/> - 1: in each, <paramref name="body"/>(phase, start, end, scratch)
    /// over chunks covering [0, <paramref name="count"/>) exactly once, then <paramref name="afterPhase"/>(phase).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phases"/> or <paramref name="count"/> negative.</exception>
    public static void For<TScratch>(int phases, int count, int degreeOfParallelism, Func<int, TScratch> createScratch,
        Action<int, int, int, TScratch> body, Action<int> afterPhase, CancellationToken cancellationToken = default, int chunkSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phases);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (phases == 0) return;
        var workers = Math.Min(ParallelLoop.Workers(degreeOfParallelism), Math.Max(1, count));
        var chunk = chunkSize > 0 ? chunkSize : Math.Max(1, count / (workers * 16));
        if (workers == 1)
        {
            var scratch = createScratch(0);
            for (var phase = 0; phase < phases; phase++)
            {
                // long so that start + chunk cannot wrap past int.MaxValue.
                for (long start = 0; start < count; start += chunk)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    body(phase, (int)start, (int)Math.Min(count, start + chunk), scratch);
                }
                afterPhase(phase);
            }
            return;
        }

        new Team<TScratch>(phases, count, chunk, workers, createScratch, body, afterPhase, cancellationToken).Run();
    }

    private sealed class Team<TScratch>(int phases, int count, int chunk, int workers, Func<int, TScratch> createScratch,
        Action<int, int, int, TScratch> body, Action<int> afterPhase, CancellationToken cancellationToken)
    {
        private long _next;
        private int _phase;
        private Exception? _failure;
        // Set only inside the barrier's post-phase action, while every worker waits: all workers read the same value.
        private bool _stop;
        private Barrier? _barrier;

        public void Run()
        {
            using var barrier = new Barrier(workers, _ => EndPhase());
            _barrier = barrier;
            var threads = new Thread[workers - 1];
            for (var w = 1; w < workers; w++)
            {
                var worker = w;
                threads[w - 1] = new Thread(() => Work(worker)) { IsBackground = true, Name = "Encore phase worker" };
                threads[w - 1].Start();
            }
            Work(0);
            foreach (var t in threads) t.Join();
            // The original exception, with its type, token and stack (an afterPhase may stop the run with its own token).
            if (_failure is not null) ExceptionDispatchInfo.Capture(_failure).Throw();
        }

        private void Work(int worker)
        {
            var scratch = default(TScratch);
            try
            {
                scratch = createScratch(worker);
            }
            catch (Exception e)
            {
                Record(e);
            }
            for (var phase = 0; phase < phases; phase++)
            {
                try
                {
                    while (Volatile.Read(ref _failure) is null)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var start = Interlocked.Add(ref _next, chunk) - chunk;
                        if (start >= count) break;
                        body(phase, (int)start, (int)Math.Min(count, start + chunk), scratch!);
                    }
                }
                catch (Exception e)
                {
                    Record(e);
                }
                _barrier!.SignalAndWait();
                if (_stop) return;
            }
        }

        // Runs once per phase on the last worker to arrive, before any worker is released.
        private void EndPhase()
        {
            if (Volatile.Read(ref _failure) is null)
            {
                try
                {
                    afterPhase(_phase);
                }
                catch (Exception e)
                {
                    Record(e);
                }
            }
            _phase++;
            _next = 0;
            _stop = _failure is not null;
        }

        private void Record(Exception e) => Interlocked.CompareExchange(ref _failure, e, null);
    }
}
