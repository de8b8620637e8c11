using Encore.Cli.Output;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Cli.Tests.Output;

/// <summary>
/// Session 18 field fault: after Ctrl+C during <c>encore train ... --model ease</c> the heartbeat ("ease  fitting  12.0 s")
/// kept printing: the fit threw, the progress was never finished nor disposed, and nothing tied the heartbeat to the
/// command's cancellation. It now stops with the cancellation, and no later report restarts it.
/// </summary>
public sealed class ProgressCancellationTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void EaseFit_CancelledWhileTheHeartbeatRuns_NoLineAfterTheCancel()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var cancel = new CancellationTokenSource();
        // Not disposed on purpose: train's path when the fit throws before Finish.
        var progress = new EpochProgress("ease", live: false, cancel.Token, writer, Interval, time);
        var data = TrainingData.FromMatrix(CsrMatrix.FromTriples(3, 4, [0, 0, 1, 2, 2], [0, 1, 1, 2, 3], [1f, 1f, 1f, 1f, 1f]));

        progress.Start();
        time.Advance(Interval);
        Assert.Equal(["ease  fitting  5.0 s"], Lines(writer));
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new EaseTrainer(new EaseOptions()).Fit(data, progress, cancel.Token));
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(["ease  fitting  5.0 s"], Lines(writer));
    }

    [Fact]
    public void Report_AfterTheCancel_WritesNothingAndStartsNoHeartbeat()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var cancel = new CancellationTokenSource();
        using var sut = new ModelProgressLine(live: false, writer, Interval, time, cancel.Token);

        sut.Report(("ease", "fitting"));
        cancel.Cancel();
        sut.Report(("item-knn", "fitting"));
        sut.Report(("item-knn", new EpochReport(1, 2, TimeSpan.FromSeconds(1), double.NaN)));
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Empty(Lines(writer));
    }

    [Fact]
    public void Report_LiveLineCancelled_StopsTicking()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var cancel = new CancellationTokenSource();
        using var sut = new ModelProgressLine(live: true, writer, Interval, time, cancel.Token);

        sut.Report(("ease", "fitting"));
        time.Advance(Interval);
        var before = writer.ToString();
        cancel.Cancel();
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(before, writer.ToString());
    }
}
