namespace Encore.Evaluation.Bench;

/// <summary>One measured figure, with implicit's figure for the same measure when PEERS.md has one.</summary>
public sealed record BenchFigure(string Measure, string Settings, double Value, string Unit, ImplicitFigure? Implicit = null, string? Note = null)
{
    /// <summary>Encore / implicit against implicit's best (lowest) time; NaN without a peer figure.</summary>
    public double RatioToBest => Implicit is { Low: > 0 } i ? Value / i.Low : double.NaN;

    /// <summary>Encore / implicit against the middle of implicit's range.</summary>
    public double RatioToMiddle => Implicit is { } i && i.Middle > 0 ? Value / i.Middle : double.NaN;
}
