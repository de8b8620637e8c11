using System.CommandLine;
using System.Globalization;
using Encore.Evaluation.Bench;
using Encore.Models.Diagnostics;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore bench gemm [--threads 0] [--size 1024] [--repeats 5] [--als &lt;shape&gt;] [--factors 64] [--iterations 15]</c>:
/// prints this machine's float32 GEMM peak and, with <c>--als</c>, ALS's achieved GFLOP/s as a share of it.
/// </summary>
internal static class BenchGemmCommand
{
    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = "Threads of the wall-clock GEMM run and of the ALS fit; 0 = all cores.", DefaultValueFactory = _ => 0 };
        var size = new Option<int>("--size") { Description = "n of the n x n x n products (64-8192).", DefaultValueFactory = _ => 1024 };
        var repeats = new Option<int>("--repeats") { Description = "Products timed per figure; the best counts.", DefaultValueFactory = _ => 5 };
        var als = new Option<string?>("--als") { Description = "Also fit ALS once on this shape (a PEERS split folder, peers or lastfm360k) and print its share of the peak." };
        var factors = new Option<int>("--factors") { Description = "ALS factors.", DefaultValueFactory = _ => 64 };
        var iterations = new Option<int>("--iterations") { Description = "ALS iterations.", DefaultValueFactory = _ => 15 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of a synthetic shape and of ALS.", DefaultValueFactory = _ => 42UL };
        var command = new Command("gemm", "Measure this machine's float32 GEMM peak (OpenBLAS sgemm, managed kernel without it) and, with --als, ALS's GFLOP/s as a share of it (per core by CPU time, and by the wall clock).")
        {
            threads, size, repeats, als, factors, iterations, seed,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() =>
        {
            var t = parse.GetValue(threads);
            if (t < 0) throw new ArgumentException("--threads must be 0 (all cores) or positive.");
            var n = parse.GetValue(size);
            if (n is < 64 or > 8192) throw new ArgumentException($"--size must be within 64-8192, not {n}.");
            var r = parse.GetValue(repeats);
            if (r < 1) throw new ArgumentException("--repeats must be at least 1.");
            var peak = GemmPeak.Measure(t, n, r);
            Console.WriteLine(F($"GEMM peak (float32, {peak.Backend}, n = {peak.Size}): {peak.CoreGflops:F1} GFLOP/s per core (1 thread, CPU time); {peak.WallGflops:F1} GFLOP/s with {peak.Threads} threads ({(peak.Backend.StartsWith("managed", StringComparison.Ordinal) ? "one-thread figure x threads" : "wall clock")})"));
            if (parse.GetValue(als) is { } shape)
            {
                var input = BenchInput.Prepare(shape, parse.GetValue(seed), t, ct);
                var result = AlsEfficiency.Measure(input.Train, peak, parse.GetValue(factors), parse.GetValue(iterations), t, parse.GetValue(seed), ct);
                Console.WriteLine(F($"ALS {result.Factors} f, CG 3, {result.Threads} threads on {input.Description}: {result.FlopsPerIteration / 1e9:F2} GFLOP per iteration"));
                Console.WriteLine(F($"  per core: {result.CoreGflops:F1} GFLOP/s ({result.CpuSecondsPerIteration:F3} CPU s per iteration) = {100 * result.CoreShare:F0}% of the GEMM peak per core"));
                Console.WriteLine(F($"  per core, median iteration: {result.IterationCoreGflops:F1} GFLOP/s ({result.IterationCpuSeconds:F3} CPU s; the fit's one-time JIT, transpose and initialisation left out) = {100 * result.IterationCoreShare:F0}% of the GEMM peak per core"));
                Console.WriteLine(F($"  wall:     {result.WallGflops:F1} GFLOP/s ({result.WallSecondsPerIteration:F3} s per iteration, median) = {100 * result.WallShare:F0}% of the {result.Threads}-thread GEMM peak (load average {LoadAverage()})"));
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
