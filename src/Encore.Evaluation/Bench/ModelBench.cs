using System.Globalization;
using Encore.Core.Parallelism;
using Encore.Models.Contract;
using Encore.Models.Diagnostics;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Neighbourhood;

namespace Encore.Evaluation.Bench;

/// <summary>
/// The whole-pipeline model bench behind <c>encore bench models</c>: on one input it times ALS (seconds per
/// iteration and GFLOP/s, per factor count), BPR (seconds per epoch), item-kNN (fit) and top-10 for every
/// user, records the peak memory of the first ALS fit, and on a split measures PEERS.md's quality figures.
/// Model settings are implicit's defaults, so each figure sits next to implicit's.
/// </summary>
public static class ModelBench
{
    public static ModelBenchReport Run(ModelBenchOptions options, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        log?.Report($"preparing {options.Shape} ...");
        var input = BenchInput.Prepare(options.Shape, options.Seed, options.Threads, cancellationToken, options.Events);
        log?.Report($"{input.Description} ({input.PrepareSeconds:F1} s)");
        var report = new ModelBenchReport
        {
            Machine = BenchMachine.Describe(),
            Input = input.Description,
            Shape = options.Shape,
            Threads = ParallelLoop.Workers(options.Threads),
            PrepareSeconds = input.PrepareSeconds,
            Gemm = GemmPeak.Measure(options.Threads),
        };
        log?.Report(Invariant($"GEMM peak: {report.Gemm.CoreGflops:F1} GFLOP/s per core, {report.Gemm.WallGflops:F1} with {report.Gemm.Threads} threads ({report.Gemm.Backend})"));
        var times = ImplicitFigures.TimesFor(options.Shape);
        var peers = ImplicitFigures.QualityFor(options.Shape);
        foreach (var factors in options.Factors)
            RunAls(input, options, factors, report, times, peers, log, cancellationToken);
        RunBpr(input, options, report, times, peers, log, cancellationToken);
        RunItemKnn(input, options, report, times, peers, log, cancellationToken);
        return report;
    }

    private static void RunAls(BenchInput input, ModelBenchOptions options, int factors, ModelBenchReport report,
        IReadOnlyDictionary<string, ImplicitFigure> times, IReadOnlyDictionary<string, ImplicitQuality> peers, IProgress<string>? log, CancellationToken ct)
    {
        var data = input.Train;
        var alsOptions = new AlsOptions { Factors = factors, Regularization = 0.01, Iterations = options.AlsIterations, Threads = options.Threads, Seed = options.Seed };
        var settings = Invariant($"{factors} f, reg 0.01, alpha 1, CG 3 steps, {options.AlsIterations} it");
        var measureMemory = report.Memory is null;
        var reset = measureMemory && PeakMemory.Reset();
        var before = measureMemory ? PeakMemory.WorkingSet() : 0;
        var clock = new EpochClock();
        var watch = new CpuClock();
        var model = new AlsTrainer(alsOptions).Fit(data, clock, ct);
        var fit = watch.WallSeconds;
        var cpuPerIteration = watch.CpuSeconds / options.AlsIterations;
        if (measureMemory)
            report.Memory = new BenchMemory(settings, PeakMemory.PeakWorkingSet(), reset, before, PeakMemory.ManagedHeap(),
                4L * factors * (data.UserCount + data.ItemCount));
        var perIteration = clock.MedianEpochSeconds();
        var key = $"als{factors}";
        report.Figures.Add(new BenchFigure($"ALS s / iteration ({factors} f)", settings, perIteration, "s",
            times.GetValueOrDefault($"{key}.iteration"), Invariant($"whole fit {fit:F2} s; CPU {cpuPerIteration:F3} s per iteration ({cpuPerIteration / report.Threads:F3} s on {report.Threads} idle cores)")));
        var flops = AlsFlops.PerIteration(data.UserCount, data.ItemCount, data.Interactions.NonZeros, factors, alsOptions.CgSteps);
        var gflops = flops / perIteration / 1e9;
        var peerRate = times.GetValueOrDefault($"{key}.iteration") is { } t
            ? t.Low == t.High ? Invariant($"; implicit at the same count: {flops / t.Low / 1e9:F1} GFLOP/s")
            : Invariant($"; implicit at the same count: {flops / t.High / 1e9:F1}-{flops / t.Low / 1e9:F1} GFLOP/s") : "";
        var coreGflops = flops / cpuPerIteration / 1e9;
        report.Figures.Add(new BenchFigure($"ALS GFLOP/s ({factors} f)", Invariant($"{flops / 1e9:F2} GFLOP per iteration"), gflops, "GFLOP/s", null,
            Invariant($"{100 * gflops / report.Gemm.WallGflops:F0}% of the measured {report.Gemm.Threads}-thread GEMM peak {report.Gemm.WallGflops:F1} GFLOP/s (wall); per core {coreGflops:F1} GFLOP/s by CPU time = {100 * coreGflops / report.Gemm.CoreGflops:F0}% of the one-thread peak {report.Gemm.CoreGflops:F1}{peerRate}")));
        log?.Report(Invariant($"ALS {factors} f: {perIteration:F3} s/it, {gflops:F1} GFLOP/s, fit {fit:F1} s"));

        if (factors == options.Factors[0])
        {
            var users = new int[data.UserCount];
            for (var u = 0; u < users.Length; u++) users[u] = u;
            var topClock = new CpuClock();
            _ = model.Recommend(users, 10, RecommendOptions.Default, ct);
            var top = topClock.WallSeconds;
            report.Figures.Add(new BenchFigure("top-10 for all users (ALS)", Invariant($"{users.Length:N0} users, {factors} f, training items excluded"), top, "s",
                times.GetValueOrDefault("top10.all"), Invariant($"CPU {topClock.CpuSeconds:F2} s")));
            log?.Report(Invariant($"top-10 for {users.Length:N0} users: {top:F2} s"));
        }
        if (input.Split is { } split)
            report.Quality.Add(new BenchQualityRow($"ALS {factors} f", settings + ", raw values", fit, PeersProtocol.Evaluate(model, split, 10, cancellationToken: ct), peers.GetValueOrDefault(key)));
    }

    private static void RunBpr(BenchInput input, ModelBenchOptions options, ModelBenchReport report,
        IReadOnlyDictionary<string, ImplicitFigure> times, IReadOnlyDictionary<string, ImplicitQuality> peers, IProgress<string>? log, CancellationToken ct)
    {
        var epochs = options.BprEpochs ?? (input.Split is null ? 5 : 100);
        if (epochs == 0) return;
        var bprOptions = new BprOptions { Factors = 64, Iterations = epochs, Threads = options.Threads, Seed = options.Seed };
        var settings = Invariant($"64 f, lr 0.01, reg 0.01, {epochs} epochs of nnz samples");
        var clock = new EpochClock();
        var watch = new CpuClock();
        var model = new BprTrainer(bprOptions).Fit(input.Train, clock, ct);
        var fit = watch.WallSeconds;
        var perEpoch = clock.MedianEpochSeconds();
        report.Figures.Add(new BenchFigure("BPR s / epoch (64 f)", settings, perEpoch, "s", times.GetValueOrDefault("bpr.epoch"),
            Invariant($"whole fit {fit:F2} s; CPU {watch.CpuSeconds / epochs:F3} s per epoch")));
        log?.Report(Invariant($"BPR: {perEpoch:F3} s/epoch, fit {fit:F1} s"));
        if (input.Split is { } split && epochs == 100)
            report.Quality.Add(new BenchQualityRow("BPR 64 f", settings, fit, PeersProtocol.Evaluate(model, split, 10, cancellationToken: ct), peers.GetValueOrDefault("bpr")));
    }

    private static void RunItemKnn(BenchInput input, ModelBenchOptions options, ModelBenchReport report,
        IReadOnlyDictionary<string, ImplicitFigure> times, IReadOnlyDictionary<string, ImplicitQuality> peers, IProgress<string>? log, CancellationToken ct)
    {
        var binary = new TrainingData(input.Train.Interactions.MapValues(static _ => 1f), input.Train.Users, input.Train.Items);
        var settings = "cosine, K = 100, binary input";
        var watch = new CpuClock();
        var model = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 100, Threads = options.Threads, Seed = options.Seed }).Fit(binary, null, ct);
        var fit = watch.WallSeconds;
        report.Figures.Add(new BenchFigure("item-kNN fit", settings, fit, "s", times.GetValueOrDefault("knn.fit"), Invariant($"CPU {watch.CpuSeconds:F2} s")));
        log?.Report(Invariant($"item-kNN fit {fit:F2} s"));
        if (input.Split is { } split)
            report.Quality.Add(new BenchQualityRow("item-kNN", settings, fit, PeersProtocol.Evaluate(model, split, 10, cancellationToken: ct), peers.GetValueOrDefault("knn")));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
