namespace Encore.Evaluation.Bench;

/// <summary>What <see cref="FitBench"/>.Run measured.</summary>
/// <param name="Model">The trainer's model name.</param>
/// <param name="TrainPairs">Nonzeros of the training matrix.</param>
/// <param name="LoadSeconds">Wall seconds to read and index the split.</param>
/// <param name="FitSeconds">Wall seconds of the <c>Fit</c> call.</param>
/// <param name="FitCpuSeconds">CPU seconds (all threads) of the <c>Fit</c> call.</param>
/// <param name="ProcessSeconds">Wall seconds from process start to the end (start-up, load, fit, scoring).</param>
/// <param name="ProcessCpuSeconds">CPU seconds of the whole process so far.</param>
/// <param name="FitPeakWorkingSetBytes">Peak resident memory from just before the fit (after a full collection
/// and a reset of the kernel's high-water mark) to its end, bytes: the fit, the training matrix it reads and the
/// runtime; -1 where the peak cannot be reset (not Linux). The whole process's peak is what <c>/usr/bin/time</c> reports.</param>
/// <param name="Quality">PEERS protocol scores at 10, or null when not asked for.</param>
public sealed record FitBenchResult(string Model, long TrainPairs, double LoadSeconds, double FitSeconds, double FitCpuSeconds,
    double ProcessSeconds, double ProcessCpuSeconds, long FitPeakWorkingSetBytes, PeersQuality? Quality)
{
    /// <summary>Where the wall time went (phases of <see cref="FitBench"/>.Run, in order); not part of <see cref="ToTsv"/>.</summary>
    public IReadOnlyList<FitBenchPhase> Phases { get; init; } = [];

    /// <summary>Column names of <see cref="ToTsv"/>.</summary>
    public const string TsvHeader = "model\ttrain_pairs\tload_s\tfit_s\tfit_cpu_s\tprocess_s\tprocess_cpu_s\tfit_peak_rss_mib\tndcg10\tp10";

    /// <summary>One tab-separated line (invariant culture); quality columns are "-" when not measured.</summary>
    public string ToTsv() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Model}\t{TrainPairs}\t{LoadSeconds:F3}\t{FitSeconds:F3}\t{FitCpuSeconds:F3}\t{ProcessSeconds:F3}\t{ProcessCpuSeconds:F3}\t{FitPeakWorkingSetBytes / 1048576.0:F1}\t{(Quality is null ? "-" : Quality.Ndcg.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))}\t{(Quality is null ? "-" : Quality.Precision.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))}");
}
