namespace Encore.Evaluation.Bandits;

/// <summary>One exposure: who was shown which song, the logged value (rating or liked) and the 1-based line.</summary>
public sealed record ExposureRow(string User, string Item, double Value, long Line);
