namespace Encore.Evaluation.Bench;

/// <summary>Quality of one model on a PEERS split next to implicit's row for the same settings.</summary>
public sealed record BenchQualityRow(string Model, string Settings, double FitSeconds, PeersQuality Quality, ImplicitQuality? Implicit);
