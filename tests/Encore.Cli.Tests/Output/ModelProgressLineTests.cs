using Encore.Cli.Output;
using Encore.Models.Contract;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Cli.Tests.Output;

/// <summary>
/// Progress in a pipe (session 14's fault: <c>encore evaluate hetrec --models ease | cat</c> was silent for minutes):
/// a plain line at most every interval, and a heartbeat through steps that report nothing.
/// </summary>
public sealed class ModelProgressLineTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Report_RedirectedSilentStepLongerThanInterval_PrintsAHeartbeatEveryInterval()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var sut = new ModelProgressLine(live: false, writer, Interval, time);

        sut.Report(("ease", "fitting"));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(Lines(writer));
        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["ease  fitting  5.0 s", "ease  fitting  10.0 s"], Lines(writer));
    }

    [Fact]
    public void Report_RedirectedEpochsFasterThanInterval_PrintsAtMostOneLinePerInterval()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var sut = new ModelProgressLine(live: false, writer, Interval, time);

        for (var epoch = 1; epoch <= 12; epoch++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            sut.Report(("als", new EpochReport(epoch, 12, TimeSpan.FromSeconds(epoch), 0.5)));
        }

        // The clock starts at the first report (1 s); the heartbeat 5 s and 10 s later repeats the latest epoch (5 and
        // 10); the epochs between are not printed.
        Assert.Equal(["als  epoch 5/12  loss 0.5  5.0 s", "als  epoch 10/12  loss 0.5  10.0 s"], Lines(writer));
    }

    [Fact]
    public void Finish_QuickModel_PrintsOnlyTheSummaryAndStopsTheHeartbeat()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var sut = new ModelProgressLine(live: false, writer, Interval, time);

        sut.Report(("popularity", "fitting"));
        sut.Report(("popularity", new EpochReport(1, 1, TimeSpan.Zero, double.NaN)));
        time.Advance(TimeSpan.FromSeconds(1));
        sut.Finish("popularity: fit 0.00 s");
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["popularity: fit 0.00 s"], Lines(writer));
    }

    [Fact]
    public void Report_NextModel_RestartsTheClock()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var sut = new ModelProgressLine(live: false, writer, Interval, time);

        sut.Report(("ease", "fitting"));
        time.Advance(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(2));
        sut.Finish("ease: done");
        sut.Report(("rp3beta", "fitting"));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["ease  fitting  5.0 s", "ease: done", "rp3beta  fitting  5.0 s"], Lines(writer));
    }

    [Fact]
    public void Report_IntervalZero_PrintsEveryReport()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var sut = new ModelProgressLine(live: false, writer, TimeSpan.Zero, time);

        sut.Report(("ease", "fitting"));
        sut.Report(("ease", new EpochReport(1, 4, TimeSpan.Zero, double.NaN)));
        sut.Report(("ease", "evaluating 3 users' held-out items"));

        Assert.Equal(["ease  fitting  0.0 s", "ease  step 1/4  0.0 s", "ease  evaluating 3 users' held-out items  0.0 s"], Lines(writer));
    }

    [Fact]
    public void Report_LiveSilentStep_RewritesTheLineWithTheElapsedTime()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        using var sut = new ModelProgressLine(live: true, writer, Interval, time);

        sut.Report(("ease", "step 2/4"));
        time.Advance(TimeSpan.FromSeconds(5));
        sut.Finish("ease: fitted");

        Assert.Equal("\r\u001b[2Kease  step 2/4  0.0 s\r\u001b[2Kease  step 2/4  5.0 s\r\u001b[2Kease: fitted" + Environment.NewLine, writer.ToString());
    }
}
