using Encore.Models.Ease.Lapack;

namespace Encore.Models.Tests.Ease;

/// <summary>
/// OpenBLAS's thread count is one setting for the whole process, and a threaded call's result depends on it and on the
/// threaded calls running beside it: the full test run once saw two identical EASE fits differ in the last bits while
/// other tests ran their products. Every OpenBLAS call now holds one lock, so a call's result depends on its arguments
/// only. Without the lock this test failed in two of three runs (1 and 29 of 3,000 inverses differed).
/// </summary>
public sealed class OpenBlasThreadCountTests
{
    [Fact]
    public async Task InvertSpd_WhileAnotherCallerSwitchesTheThreadCount_RepeatsItsResultBitForBit()
    {
        if (!OpenBlas.IsAvailable) return;
        const int n = 48;
        var spd = Spd(n, 5);
        var one = Invert(spd, n, 1);
        var two = Invert(spd, n, 2);
        if (one.SequenceEqual(two)) return; // one core: both counts run alike here, so a race could not show

        // Another caller keeps running 256 x 256 products on 1 and 2 threads while the inverses run on two.
        using var stop = new CancellationTokenSource();
        var running = new TaskCompletionSource();
        var switcher = Task.Run(() =>
        {
            running.SetResult();
            var a = Enumerable.Range(0, 256 * 256).Select(i => (i % 7) * 0.1f).ToArray();
            var c = new float[256 * 256];
            for (var i = 0; !stop.IsCancellationRequested; i++) OpenBlas.Sgemm(a, a, c, 256, 256, 256, 1 + i % 2);
        });
        await running.Task;
        var mismatches = 0;
        for (var i = 0; i < 3000; i++)
            if (!Invert(spd, n, 2).SequenceEqual(two)) mismatches++;
        stop.Cancel();
        await switcher;

        Assert.Equal(0, mismatches);
    }

    private static float[] Invert(float[] spd, int n, int threads)
    {
        var a = (float[])spd.Clone();
        OpenBlas.InvertSpd(a, n, threads);
        return a;
    }

    // B B^T + I for a seeded random B: symmetric positive definite.
    private static float[] Spd(int n, int seed)
    {
        var rng = new Random(seed);
        var b = Enumerable.Range(0, n * n).Select(_ => (float)rng.NextDouble()).ToArray();
        var spd = new float[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var s = i == j ? 1f : 0f;
                for (var t = 0; t < n; t++) s += b[i * n + t] * b[j * n + t];
                spd[i * n + j] = s;
            }
        return spd;
    }
}
