namespace Encore.Evaluation.Bench;

/// <summary>A peer's published or measured figure: a range when runs varied (Low = High otherwise), with where it comes from.</summary>
public sealed record ImplicitFigure(double Low, double High, string Source)
{
    public static ImplicitFigure Exactly(double value, string source) => new(value, value, source);

    public double Middle => (Low + High) / 2;
}
