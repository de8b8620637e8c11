using Encore.Evaluation.Bench;

namespace Encore.Evaluation.Tests.Bench;

public sealed class ModelBenchReportingTests
{
    [Fact]
    public void PerIteration_PeersSplitShape_IsPeersSixGflop()
    {
        // 50k users x 20k items x 1,599,990 pairs, 64 factors, 3 CG steps (PEERS.md: "about 6 GFLOP").
        // Users half: Y^T Y 20,000 * 64 * 65 = 83,200,000; products 4 * (2 * 4,096 * 50,000 + 4 * 64 * 1,599,990)
        // = 3,276,789,760; updates 50,000 * (128 + 3 * 640) = 102,400,000. Items half: 50,000 * 4,160 = 208,000,000;
        // 4 * (2 * 4,096 * 20,000 + 409,597,440) = 2,293,749,760; 20,000 * 2,048 = 40,960,000.
        Assert.Equal(6_005_099_520d, AlsFlops.PerIteration(50_000, 20_000, 1_599_990, 64, 3));
    }

    [Fact]
    public void PerIteration_TinyShape_MatchesFormulaByHand()
    {
        // Users half (3 rows, 2 fixed, d = 2, 1 step): Y^T Y 2*2*3 = 12, products 2*(2*4*3 + 4*2*5) = 128, updates
        // 3*(4 + 20) = 72: 212. Items half: 3*2*3 = 18, 2*(2*4*2 + 4*2*5) = 112, 2*24 = 48: 178.
        Assert.Equal(390d, AlsFlops.PerIteration(3, 2, 5, 2, 1));
    }

    [Fact]
    public void HalfIteration_GramIsTheSymmetricUpdateNotAFullGemm()
    {
        // No rows to solve: only Y^T Y of 10 fixed rows, d = 8: 10 * 8 * 9 = 720 (a full GEMM would be 2 * 10 * 64 = 1,280).
        Assert.Equal(720d, AlsFlops.HalfIteration(0, 10, 0, 8, 3));
    }

    [Fact]
    public void Write_FigureAgainstRange_ShowsRatiosAndVerdict()
    {
        var report = new ModelBenchReport { Machine = "test box", Input = "hand data", Shape = "peers", Threads = 2, PrepareSeconds = 0.5, Gemm = new Encore.Models.Diagnostics.GemmPeakResult("managed", 256, 2, 40, 75) };
        report.Figures.Add(new BenchFigure("ALS s / iteration (64 f)", "64 f", 0.4, "s", new ImplicitFigure(0.8, 1.2, "PEERS.md")));
        report.Figures.Add(new BenchFigure("item-kNN fit", "K = 100", 3, "s", ImplicitFigure.Exactly(2, "PEERS.md")));
        report.Memory = new BenchMemory("64 f", 3L << 30, true, 1L << 30, 1L << 29, 1L << 20);
        var text = new StringWriter();
        ModelBenchMarkdown.Write(report, text);
        var lines = text.ToString().Split('\n');
        Assert.Contains("| ALS s / iteration (64 f) | 64 f | 0.4 s | 0.8-1.2 s | 0.50x / 0.40x | yes | PEERS.md |", lines);
        Assert.Contains("| item-kNN fit | K = 100 | 3 s | 2 s | 1.50x / 1.50x | no | PEERS.md |", lines);
        Assert.Contains(lines, l => l.StartsWith("Measured float32 GEMM peak (managed, n = 256): 40.0 GFLOP/s per core", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("peak working set 3.00 GiB", StringComparison.Ordinal) && l.Contains("fits in 4 GB -> yes", StringComparison.Ordinal));
    }
}
