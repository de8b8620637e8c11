namespace Encore.Evaluation.Bench;

/// <summary>Everything one <see cref="ModelBench.Run"/> measured, ready for <see cref="ModelBenchMarkdown"/>.</summary>
public sealed class ModelBenchReport
{
    public required string Machine { get; init; }

    public required string Input { get; init; }

    public required string Shape { get; init; }

    public required int Threads { get; init; }

    public required double PrepareSeconds { get; init; }

    /// <summary>This machine's float32 GEMM peak, measured at the start of the bench.</summary>
    public required Encore.Models.Diagnostics.GemmPeakResult Gemm { get; init; }

    public List<BenchFigure> Figures { get; } = [];

    public List<BenchQualityRow> Quality { get; } = [];

    public BenchMemory? Memory { get; set; }
}
