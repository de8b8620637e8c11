using Encore.Core.Parallelism;
using Encore.Models.Contract;
using Encore.Models.Diagnostics;
using Encore.Models.Factorization.Als;

namespace Encore.Evaluation.Bench;

/// <summary>
/// How close ALS's inner loops come to this machine's float32 GEMM peak: one ALS fit (CG, implicit's defaults) timed
/// per iteration, its flops counted by <see cref="AlsFlops"/>, and the rate set against <see cref="GemmPeak"/>'s.
/// Three shares: per core (flops / CPU seconds of the whole fit per iteration against the one-thread GEMM rate by CPU
/// seconds; valid on a loaded machine), per core for the median iteration's CPU seconds (the inner loops without the
/// fit's one-time JIT, transpose and initialisation) and by the wall clock (against the multi-threaded GEMM wall rate;
/// valid on a quiet machine).
/// The issue-14 target is a share of at least 0.5.
/// </summary>
public static class AlsEfficiency
{
    /// <summary>Fits ALS once on <paramref name="data"/> and relates its rate to <paramref name="peak"/>.</summary>
    /// <exception cref="ArgumentNullException">data or peak is null.</exception>
    public static AlsEfficiencyResult Measure(TrainingData data, GemmPeakResult peak, int factors = 64, int iterations = 15, int threads = 0,
        ulong seed = 42, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(peak);
        var options = new AlsOptions { Factors = factors, Regularization = 0.01, Iterations = iterations, Threads = threads, Seed = seed };
        var clock = new EpochClock(cpu: true);
        var watch = new CpuClock();
        _ = new AlsTrainer(options).Fit(data, clock, cancellationToken);
        var cpuPerIteration = watch.CpuSeconds / iterations;
        var wallPerIteration = clock.MedianEpochSeconds();
        var flops = AlsFlops.PerIteration(data.UserCount, data.ItemCount, data.Interactions.NonZeros, factors, options.CgSteps);
        var workers = ParallelLoop.Workers(threads);
        var coreGflops = flops / cpuPerIteration / 1e9;
        var wallGflops = flops / wallPerIteration / 1e9;
        var iterationCpu = clock.MedianEpochCpuSeconds();
        var iterationGflops = flops / iterationCpu / 1e9;
        return new AlsEfficiencyResult(factors, workers, flops, cpuPerIteration, wallPerIteration, coreGflops, wallGflops,
            coreGflops / peak.CoreGflops, wallGflops / peak.WallGflops, iterationCpu, iterationGflops, iterationGflops / peak.CoreGflops);
    }
}
