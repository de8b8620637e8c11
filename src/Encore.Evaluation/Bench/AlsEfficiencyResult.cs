namespace Encore.Evaluation.Bench;

/// <summary>What <see cref="AlsEfficiency.Measure"/> measured.</summary>
/// <param name="Factors">d.</param>
/// <param name="Threads">Worker threads of the fit.</param>
/// <param name="FlopsPerIteration">Flops of one iteration (<see cref="AlsFlops.PerIteration"/>).</param>
/// <param name="CpuSecondsPerIteration">CPU seconds of the whole fit (all threads) / iterations.</param>
/// <param name="WallSecondsPerIteration">Median wall seconds of an iteration.</param>
/// <param name="CoreGflops">Flops / CPU seconds, GFLOP/s per core.</param>
/// <param name="WallGflops">Flops / wall seconds, GFLOP/s.</param>
/// <param name="CoreShare">CoreGflops / the one-thread GEMM peak (0..1, the target is 0.5).</param>
/// <param name="WallShare">WallGflops / the multi-threaded GEMM wall peak.</param>
/// <param name="IterationCpuSeconds">Median CPU seconds (all threads) of one iteration: the fit's one-time costs (JIT,
/// transpose, initialisation) left out.</param>
/// <param name="IterationCoreGflops">Flops / <paramref name="IterationCpuSeconds"/>, GFLOP/s per core.</param>
/// <param name="IterationCoreShare">IterationCoreGflops / the one-thread GEMM peak.</param>
public sealed record AlsEfficiencyResult(int Factors, int Threads, double FlopsPerIteration, double CpuSecondsPerIteration,
    double WallSecondsPerIteration, double CoreGflops, double WallGflops, double CoreShare, double WallShare,
    double IterationCpuSeconds, double IterationCoreGflops, double IterationCoreShare);
