using System.Globalization;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Output;

/// <summary>Invariant-culture number formatting shared by the evaluation printers.</summary>
internal static class Numbers
{
    public static string F(double value, string format = "0.0000") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Seconds(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>"0.1234 [0.1100, 0.1350]" when an interval exists, else the mean; "-" when the metric is missing.</summary>
    public static string WithInterval(ExperimentRun run, string metric)
    {
        if (!run.Means.TryGetValue(metric, out var mean)) return "-";
        return run.Intervals.TryGetValue(metric, out var ci) ? $"{F(mean)} [{F(ci.Low)}, {F(ci.High)}]" : F(mean);
    }

    public static string Mean(ExperimentRun run, string metric, string format = "0.0000") =>
        run.Means.TryGetValue(metric, out var mean) ? F(mean, format) : "-";
}
