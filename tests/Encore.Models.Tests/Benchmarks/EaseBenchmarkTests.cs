using System.Diagnostics;
using Encore.Models.Ease;
using Encore.Tests.Shared;
using Xunit.Abstractions;

namespace Encore.Models.Tests.Benchmarks;

/// <summary>
/// EASE on the HetRec split (17,632 items: a 1.2 GiB dense inverse, minutes of CPU): runs only with
/// ENCORE_SLOW_BENCHMARKS=1; ENCORE_EASE_LAMBDAS="100,500" picks the lambdas (default 500).
/// </summary>
public sealed class EaseBenchmarkTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void Ease_HetRecBinary_ReportsFigures()
    {
        if (Environment.GetEnvironmentVariable("ENCORE_SLOW_BENCHMARKS") != "1") return;
        var split = BenchmarkSplit.Load(Path.Combine(SharedData.BenchmarksRoot!, "hetrec-split-seed42"), binary: true);
        var lambdas = (Environment.GetEnvironmentVariable("ENCORE_EASE_LAMBDAS") ?? "500").Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var lambda in lambdas)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var model = new EaseTrainer(new EaseOptions { Lambda = lambda }).Fit(split.Train);
            var fit = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var m = split.Evaluate(model);
            output.WriteLine($"| EASE lambda {lambda} binary | {fit:F1} (cpu {cpuSeconds:F1}) | {m.Precision:F4} | {m.Recall:F4} | {m.Ndcg:F4} | {m.HitRate:F3} |");
        }
    }
}
