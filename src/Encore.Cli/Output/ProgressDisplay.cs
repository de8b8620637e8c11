using System.Diagnostics;
using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>
/// Shows long work as a progress bar with rows/s and ETA on a terminal, and as a plain line every few
/// seconds when output is redirected (CI logs stay readable).
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>; it reports (fraction done 0..1, rows so far).</summary>
    public static T Run<T>(string title, Func<IProgress<(double Fraction, long Rows)>, T> work)
    {
        if (!Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            T result = default!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(title), maxValue: 1.0);
                    var clock = Stopwatch.StartNew();
                    var progress = new SyncProgress(p =>
                    {
                        task.Value = Math.Clamp(p.Fraction, 0, 1);
                        var rate = p.Rows / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                        task.Description = Markup.Escape($"{title}: {p.Rows:N0} rows, {rate:N0} rows/s");
                    });
                    result = work(progress);
                    task.Value = 1.0;
                });
            return result;
        }
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var plain = new SyncProgress(p =>
        {
            if (watch.Elapsed - last < TimeSpan.FromSeconds(3)) return;
            last = watch.Elapsed;
            var rate = p.Rows / Math.Max(watch.Elapsed.TotalSeconds, 1e-3);
            var eta = p.Fraction > 0 ? TimeSpan.FromSeconds(watch.Elapsed.TotalSeconds * (1 - p.Fraction) / p.Fraction) : TimeSpan.Zero;
            Console.Error.WriteLine($"{title}: {p.Fraction:P0}, {p.Rows:N0} rows, {rate:N0} rows/s, ETA {eta:hh\\:mm\\:ss}");
        });
        return work(plain);
    }

    // Progress<T> posts to the thread pool (out of order, after the work ends); report synchronously instead.
    private sealed class SyncProgress(Action<(double Fraction, long Rows)> report) : IProgress<(double Fraction, long Rows)>
    {
        public void Report((double Fraction, long Rows) value) => report(value);
    }
}
