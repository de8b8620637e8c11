using System.Globalization;
using Encore.Core.Randomness;
using Encore.Models.Bandits;

namespace Encore.Benchmarks.Bandits;

/// <summary>
/// CPU time per online round (choice over n x 64 candidates + Sherman–Morrison update), measured with the calling
/// thread's CPU clock (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so time stolen by other processes on a loaded machine
/// does not count. Prints the median over repeats of the mean per round, for each policy and for choice and update
/// alone. Run: dotnet run -c Release --project bench/Encore.Benchmarks -- bandit-cpu [candidates] [dimension]
/// </summary>
internal static class BanditCpuTime
{
    private static double ThreadCpuNs() => ThreadCpuClock.Nanoseconds();

    public static void Run(int n, int d)
    {
        var rng = new Rng(42);
        var candidates = new float[n * d];
        for (var i = 0; i < candidates.Length; i++) candidates[i] = (float)rng.NextGaussian() / MathF.Sqrt(d);
        var truth = new float[d];
        for (var j = 0; j < d; j++) truth[j] = (float)rng.NextGaussian();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidates {n}, dimension {d}; microseconds of thread CPU time per round (median of 7 repeats of 500 rounds)"));
        foreach (IBanditPolicy policy in new IBanditPolicy[] { new LinUcbPolicy(1), new ThompsonSamplingPolicy(0.5), new EpsilonGreedyPolicy(0.1) })
        {
            var state = new RidgeValueFunction(d);
            var r = new Rng(7);
            double Round(bool choose, bool update)
            {
                var index = 0;
                if (choose) index = policy.Choose(state, candidates, ref r).Index;
                if (update)
                {
                    var x = candidates.AsSpan(index * d, d);
                    state.Update(x, System.Numerics.Tensors.TensorPrimitives.Dot(truth, x) > 0 ? 1 : 0);
                }
                return index;
            }
            for (var t = 0; t < 200; t++) Round(true, true); // warm-up: JIT tiers and a state that has learned something
            var both = Median(() => Round(true, true));
            var choice = Median(() => Round(true, false));
            var update = Median(() => Round(false, true));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{policy.Name,-28} choice+update {both,8:0.0} us   choice {choice,8:0.0} us   update {update,8:0.0} us"));
        }
    }

    private static double Median(Func<double> round)
    {
        const int Rounds = 500;
        var results = new double[7];
        for (var k = 0; k < results.Length; k++)
        {
            var start = ThreadCpuNs();
            for (var t = 0; t < Rounds; t++) round();
            results[k] = (ThreadCpuNs() - start) / Rounds / 1000;
        }
        Array.Sort(results);
        return results[results.Length / 2];
    }
}
