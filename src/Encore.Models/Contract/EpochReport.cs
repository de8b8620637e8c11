namespace Encore.Models.Contract;

/// <summary>Progress of one training iteration: loss may be NaN when a model does not compute it cheaply.</summary>
public readonly record struct EpochReport(int Epoch, int TotalEpochs, TimeSpan Elapsed, double Loss, double? ValidationMetric = null);
