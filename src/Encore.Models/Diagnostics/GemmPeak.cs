using System.Diagnostics;
using System.Runtime.Intrinsics.X86;
using Encore.Core.Randomness;
using Encore.Models.Ease.Lapack;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Diagnostics;

/// <summary>
/// Measures this machine's float32 GEMM peak: C = A B on n x n row-major matrices (2 n^3 flops), through the
/// system OpenBLAS (<c>cblas_sgemm</c>, the same P/Invoke EASE uses) or, when it is absent or ENCORE_OPENBLAS=off,
/// the managed 4 x 16 AVX2 + FMA kernel (single-threaded; its multi-threaded figure is the one-thread figure times
/// the threads). Two figures: one thread timed by its CPU seconds (robust on a shared machine) and
/// <c>threads</c> threads timed by the wall clock (best of the repeats). Inputs are seeded uniform values in [-1, 1).
/// </summary>
public static class GemmPeak
{
    /// <summary>Times <paramref name="repeats"/> products per figure after one warm-up.</summary>
    /// <param name="threads">Threads of the wall-clock run; 0 = all cores.</param>
    /// <param name="size">n (default 1024: 2.1 GFLOP per product, past every cache, as in BLAS peak charts).</param>
    /// <param name="repeats">Products timed per figure (best counts), at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">size below 64 or above 8192, repeats below 1, threads negative.</exception>
    public static GemmPeakResult Measure(int threads = 0, int size = 1024, int repeats = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 8192);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var workers = threads > 0 ? threads : Environment.ProcessorCount;
        var a = Fill(size, 1);
        var b = Fill(size, 2);
        var c = new float[size * size];
        var flops = 2.0 * size * size * size;
        var native = OpenBlas.IsAvailable && OpenBlas.HasGemm;
        void Product(int t)
        {
            if (native) OpenBlas.Sgemm(a, b, c, size, size, size, t);
            else ManagedGemm.Multiply(a, b, c, size, size, size);
        }

        Product(1);
        var bestCpu = double.MaxValue;
        for (var r = 0; r < repeats; r++)
        {
            var start = ThreadCpu();
            Product(1);
            bestCpu = Math.Min(bestCpu, Math.Max(1e-9, ThreadCpu() - start));
        }
        double wallGflops;
        if (native)
        {
            Product(workers);
            var bestWall = double.MaxValue;
            for (var r = 0; r < repeats; r++)
            {
                var watch = Stopwatch.StartNew();
                Product(workers);
                bestWall = Math.Min(bestWall, watch.Elapsed.TotalSeconds);
            }
            wallGflops = flops / bestWall / 1e9;
        }
        else
        {
            wallGflops = flops / bestCpu / 1e9 * workers;
        }
        var backend = native ? $"OpenBLAS ({OpenBlas.LibraryName})"
            : Avx2.IsSupported && Fma.IsSupported ? "managed (AVX2 + FMA 4 x 16 kernel, one thread)" : "managed (scalar, one thread)";
        return new GemmPeakResult(backend, size, workers, flops / bestCpu / 1e9, wallGflops);
    }

    // CPU seconds of the calling thread: OpenBLAS with one thread computes on the caller. Falls back to the process's
    // CPU time where the per-thread clock is not available (then idle runtime threads add a little).
    private static double ThreadCpu()
    {
        var t = ThreadClock.CpuSeconds();
        if (t >= 0) return t;
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static float[] Fill(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var m = new float[n * n];
        for (var i = 0; i < m.Length; i++) m[i] = (float)(2 * rng.NextDouble() - 1);
        return m;
    }
}
