namespace Encore.Models.Diagnostics;

/// <summary>What <see cref="GemmPeak.Measure"/> measured: this machine's float32 GEMM rate, the ceiling that dense
/// kernels (ALS's Gram and its Gram x vector products) are judged against.</summary>
/// <param name="Backend">"OpenBLAS (library name)" or "managed (AVX2 + FMA 4 x 16 kernel)" / "managed (scalar)".</param>
/// <param name="Size">n of the n x n x n products timed (2 n^3 flops each).</param>
/// <param name="Threads">Threads of the multi-threaded run.</param>
/// <param name="CoreGflops">One thread: flops / CPU seconds of that thread's run, best of the repeats, GFLOP/s
/// per core. CPU time does not grow with other processes' load, so this is the figure to compare on a shared machine.</param>
/// <param name="WallGflops">With <paramref name="Threads"/> threads: flops / wall seconds, best of the repeats, GFLOP/s
/// (what a quiet machine gives; lower under load).</param>
public sealed record GemmPeakResult(string Backend, int Size, int Threads, double CoreGflops, double WallGflops);
