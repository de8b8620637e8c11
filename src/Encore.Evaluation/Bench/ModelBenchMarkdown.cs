using System.Globalization;

namespace Encore.Evaluation.Bench;

/// <summary>Writes a <see cref="ModelBenchReport"/> as a Markdown results page (bench/results/models-*.md).</summary>
public static class ModelBenchMarkdown
{
    /// <summary>Encore's time target: at most this share of implicit's time.</summary>
    public const double Target = 0.8;

    public static void Write(ModelBenchReport report, TextWriter writer, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(F($"# Models bench: {report.Shape}"));
        writer.WriteLine();
        writer.WriteLine(F($"Machine: {report.Machine}; {report.Threads} worker threads. Shared with other builds, so times are noisy."));
        writer.WriteLine();
        writer.WriteLine(F($"Input: {report.Input} (prepared in {report.PrepareSeconds:F1} s)."));
        writer.WriteLine();
        writer.WriteLine(F($"Measured float32 GEMM peak ({report.Gemm.Backend}, n = {report.Gemm.Size}): {report.Gemm.CoreGflops:F1} GFLOP/s per core (one thread, CPU time), {report.Gemm.WallGflops:F1} GFLOP/s with {report.Gemm.Threads} threads (wall)."));
        if (command is not null)
        {
            writer.WriteLine();
            writer.WriteLine(F($"Command: `{command}`"));
        }
        writer.WriteLine();
        writer.WriteLine(F($"Target: Encore's time <= {Target:F1}x implicit's. Ratios are against implicit's best run and the middle of its range."));
        writer.WriteLine();
        writer.WriteLine("| measure | settings | Encore | implicit | ratio (best / middle) | target met | note |");
        writer.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var f in report.Figures)
        {
            var peer = f.Implicit is null ? "-" : f.Implicit.Low == f.Implicit.High ? F($"{f.Implicit.Low:0.###} {f.Unit}") : F($"{f.Implicit.Low:0.###}-{f.Implicit.High:0.###} {f.Unit}");
            var ratio = double.IsNaN(f.RatioToBest) ? "-" : F($"{f.RatioToBest:F2}x / {f.RatioToMiddle:F2}x");
            var met = double.IsNaN(f.RatioToBest) ? "-" : f.RatioToBest <= Target ? "yes" : f.RatioToMiddle <= Target ? "vs middle only" : "no";
            var note = string.Join("; ", new[] { f.Note, f.Implicit?.Source }.Where(s => !string.IsNullOrEmpty(s)));
            writer.WriteLine(F($"| {f.Measure} | {f.Settings} | {f.Value:0.###} {f.Unit} | {peer} | {ratio} | {met} | {note} |"));
        }
        WriteMemory(report, writer);
        WriteQuality(report, writer);
        writer.WriteLine();
        writer.WriteLine("GFLOP count per ALS iteration (as PEERS.md's 6 GFLOP): for each half (rows solved against fixed rows), " +
            "2 fixed d^2 for Y^T Y (as a GEMM) + (CG steps + 1) x (2 d^2 rows + 4 d nnz) for the products A v = (Y^T Y + lambda I) v + sum y (c - 1)(y . v); O(d) vector updates left out.");
    }

    private static void WriteMemory(ModelBenchReport report, TextWriter writer)
    {
        if (report.Memory is not { } m) return;
        writer.WriteLine();
        writer.WriteLine("## Memory of the first ALS fit");
        writer.WriteLine();
        var scope = m.PeakCoversFitOnly ? "peak reset just before the fit (Linux clear_refs), so it covers the fit, the training matrix and the runtime, not the data generation"
            : "peak of the whole process (the reset is not available here)";
        writer.WriteLine(F($"{m.Settings}: peak working set {Gib(m.PeakWorkingSetBytes)} ({scope}); working set just before the fit {Gib(m.WorkingSetBeforeBytes)}; managed heap after the fit {Gib(m.ManagedHeapBytes)}; factors {Gib(m.FactorBytes)}. Requirement: fits in 4 GB -> {(m.PeakWorkingSetBytes <= 4_000_000_000L ? "yes" : "no")}."));
    }

    private static void WriteQuality(ModelBenchReport report, TextWriter writer)
    {
        if (report.Quality.Count == 0) return;
        writer.WriteLine();
        writer.WriteLine(F($"## Quality (PEERS protocol, k = 10, {report.Quality[0].Quality.Users:N0} test users)"));
        writer.WriteLine();
        writer.WriteLine("| model | settings | fit s | P@10 | R@10 | NDCG@10 | HR@10 | implicit fit s | implicit P / R / NDCG / HR | NDCG vs implicit |");
        writer.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in report.Quality)
        {
            var q = row.Quality;
            var peer = row.Implicit is { } i ? F($"{i.FitSeconds:0.##}") : "-";
            var peerQ = row.Implicit is { } j ? F($"{j.Precision:F4} / {j.Recall:F4} / {j.Ndcg:F4} / {j.HitRate:F3}") : "-";
            var delta = row.Implicit is { } k ? F($"{100 * (q.Ndcg / k.Ndcg - 1):+0.0;-0.0}%") : "-";
            writer.WriteLine(F($"| {row.Model} | {row.Settings} | {row.FitSeconds:F2} | {q.Precision:F4} | {q.Recall:F4} | {q.Ndcg:F4} | {q.HitRate:F3} | {peer} | {peerQ} | {delta} |"));
        }
    }

    private static string Gib(long bytes) => F($"{bytes / (1024.0 * 1024 * 1024):F2} GiB");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
