namespace Encore.Evaluation.Bench;

/// <summary>
/// Memory of the first ALS fit: the process's peak working set (reset just before the fit when
/// <see cref="PeakCoversFitOnly"/>, so it holds the training matrix, its transpose, the factors and the runtime,
/// but not the data generation), the working set just before the fit (training data and runtime already
/// resident) and the managed heap after the fit.
/// </summary>
public sealed record BenchMemory(string Settings, long PeakWorkingSetBytes, bool PeakCoversFitOnly, long WorkingSetBeforeBytes, long ManagedHeapBytes, long FactorBytes);
