using Encore.Evaluation.Bench;
using Encore.Models.Contract;

namespace Encore.Evaluation.Tests.Bench;

public sealed class EpochClockTests
{
    [Fact]
    public void MedianEpochSeconds_ThreeEpochs_IsTheMiddleDuration()
    {
        var sut = new EpochClock();
        // Running totals 1, 4, 6 s: durations 1, 3, 2.
        foreach (var elapsed in new[] { 1.0, 4.0, 6.0 }) sut.Report(new EpochReport(1, 3, TimeSpan.FromSeconds(elapsed), double.NaN));

        Assert.Equal(2.0, sut.MedianEpochSeconds(), 9);
        Assert.True(double.IsNaN(sut.MedianEpochCpuSeconds())); // CPU not recorded
    }

    [Fact]
    public void MedianEpochCpuSeconds_Recorded_IsTheProcessCpuOfAnEpoch()
    {
        var sut = new EpochClock(cpu: true);
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            Burn(5_000_000);
            sut.Report(new EpochReport(epoch, 3, TimeSpan.FromSeconds(epoch), double.NaN));
        }

        // Each epoch does a fixed amount of work on this thread (milliseconds of CPU, however loaded the machine), so
        // its CPU seconds are more than nothing and far below the bound.
        Assert.InRange(sut.MedianEpochCpuSeconds(), 1e-4, 5.0);
    }

    private static void Burn(int steps)
    {
        var x = 0.0;
        for (var i = 0; i < steps; i++) x += Math.Sqrt(x + i);
        GC.KeepAlive(x);
    }
}
