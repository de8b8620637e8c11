using System.Diagnostics;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Evaluation.Bench;

/// <summary>
/// One model fitted once on a PEERS split, in the calling process: the unit of PEERS.md's side-by-side
/// protocol, where every fit runs in a fresh process so that start-up (runtime, JIT, data loading) counts.
/// <c>encore bench fit</c> prints the result as one tab-separated line; <c>bench/peers/run.sh</c> repeats it
/// interleaved and takes medians.
/// </summary>
public static class FitBench
{
    /// <summary>Loads or generates <paramref name="shape"/>, fits <paramref name="model"/> with <paramref name="settings"/> and
    /// (when <paramref name="quality"/> and the shape is a split) scores it with <see cref="PeersProtocol"/>.</summary>
    /// <param name="shape">A PEERS split folder (train.tsv[.gz] and test.tsv[.gz], header <c>user item value</c>), or a
    /// synthetic shape of <see cref="BenchInput.Prepare"/> (peers, lastfm360k).</param>
    /// <param name="model">A <see cref="TrainerCatalog"/> name: als, bpr, lmf, item-knn, ...</param>
    /// <param name="settings">Model settings over the defaults (as <c>--set key=value</c>).</param>
    /// <param name="binary">Replace every training value by 1 (PEERS.md's item-kNN rows).</param>
    /// <param name="quality">Also measure P / R / NDCG / HR at 10 over every test user.</param>
    /// <param name="seed">Seed of a synthetic shape.</param>
    /// <param name="events">Overrides the synthetic shape's event count.</param>
    /// <param name="cancellationToken">Stops loading, fitting or scoring.</param>
    /// <exception cref="ArgumentException">Unknown model or setting.</exception>
    /// <exception cref="Encore.Core.Errors.DataFormatException">A split file is missing or malformed.</exception>
    public static FitBenchResult Run(string shape, string model, IReadOnlyDictionary<string, string> settings, bool binary, bool quality,
        ulong seed = 42, long? events = null, CancellationToken cancellationToken = default) =>
        Run(shape, () => TrainerCatalog.Create(model, settings), binary, quality, seed, events, cancellationToken);

    /// <summary><see cref="Run(string, string, IReadOnlyDictionary{string, string}, bool, bool, ulong, long?, CancellationToken)"/>
    /// with the trainer made by <paramref name="createTrainer"/> (timed as the "trainer setup" phase): how a host that
    /// cannot reach <see cref="TrainerCatalog"/>'s every model (the Native AOT <c>encore-fit</c>) runs the same benchmark.</summary>
    /// <param name="shape">As in the other overload.</param>
    /// <param name="createTrainer">Makes the configured trainer; its exceptions pass through.</param>
    /// <param name="binary">Replace every training value by 1.</param>
    /// <param name="quality">Also measure P / R / NDCG / HR at 10 over every test user.</param>
    /// <param name="seed">Seed of a synthetic shape.</param>
    /// <param name="events">Overrides the synthetic shape's event count.</param>
    /// <param name="cancellationToken">Stops loading, fitting or scoring.</param>
    /// <exception cref="Encore.Core.Errors.DataFormatException">A split file is missing or malformed.</exception>
    public static FitBenchResult Run(string shape, Func<IRecommenderTrainer> createTrainer, bool binary, bool quality,
        ulong seed = 42, long? events = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createTrainer);
        var phases = new FitBenchPhases();
        var trainer = createTrainer();
        phases.End("trainer setup");
        var load = new CpuClock();
        // Without --quality the test file is not needed, so it is not read.
        var input = BenchInput.Prepare(shape, seed, 0, cancellationToken, events, trainOnly: !quality);
        var loadSeconds = load.WallSeconds;
        phases.End("load split + matrix");
        var train = binary ? new TrainingData(input.Train.Interactions.WithValues(Ones(input.Train.Interactions.NonZeros)), input.Train.Users, input.Train.Items) : input.Train;
        phases.End("binary values");
        // The fit's own peak: garbage of loading / generation is collected and the kernel's high-water mark reset.
        var reset = PeakMemory.Reset();
        phases.End("peak-memory reset (full GC)");
        var fit = new CpuClock();
        var fitted = trainer.Fit(train, null, cancellationToken);
        var fitSeconds = fit.WallSeconds;
        var fitCpu = fit.CpuSeconds;
        phases.End("fit");
        var fitPeak = reset ? PeakMemory.PeakWorkingSet() : -1;
        var scores = quality && input.Split is { } split ? PeersProtocol.Evaluate(fitted, split, 10, cancellationToken: cancellationToken) : null;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var sinceStart = (TimeProvider.System.GetLocalNow().LocalDateTime - process.StartTime).TotalSeconds;
        phases.End(quality ? "after fit (scoring, counters)" : "after fit (counters)");
        return new FitBenchResult(trainer.ModelName, train.Interactions.NonZeros, loadSeconds, fitSeconds, fitCpu,
            sinceStart, process.TotalProcessorTime.TotalSeconds, fitPeak, scores)
        { Phases = phases.Phases };
    }

    private static float[] Ones(int count)
    {
        var ones = GC.AllocateUninitializedArray<float>(count);
        ones.AsSpan().Fill(1f);
        return ones;
    }
}
