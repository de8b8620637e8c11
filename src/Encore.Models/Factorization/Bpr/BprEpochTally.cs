namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// One worker's loss, correctly ranked steps and steps over the current epoch, as both BPR epoch orders
/// (<see cref="BprEpoch"/>, <see cref="BprUserEpoch"/>) keep them, and the per-epoch report built from all workers'.
/// </summary>
internal class BprEpochTally
{
    private double _loss;
    private long _correct;
    private long _steps;

    /// <summary>Adds a chunk's running sum.</summary>
    public void Add(in BprLossSum sum)
    {
        _loss += sum.Loss;
        _correct += sum.Correct;
        _steps += sum.Steps;
    }

    /// <summary>
    /// Calls <paramref name="afterEpoch"/>(epoch, mean -log sigmoid(x_uij), fraction of steps ranked correctly before their
    /// step) over every worker's tally (both NaN for an epoch without a step), then zeroes the tallies for the next epoch.
    /// Null entries (workers that never started) are skipped.
    /// </summary>
    public static void Report(IEnumerable<BprEpochTally?> workers, int epoch, Action<int, double, double> afterEpoch)
    {
        double loss = 0;
        long correct = 0, steps = 0;
        foreach (var w in workers)
        {
            if (w is null) continue;
            loss += w._loss;
            correct += w._correct;
            steps += w._steps;
            w._loss = 0;
            w._correct = 0;
            w._steps = 0;
        }
        afterEpoch(epoch, steps == 0 ? double.NaN : loss / steps, steps == 0 ? double.NaN : (double)correct / steps);
    }
}
