using Encore.Models.Diagnostics;

namespace Encore.Models.Tests.Diagnostics;

public sealed class GemmPeakTests
{
    [Fact]
    public void Measure_SmallProduct_ReportsPositiveRatesAndBackend()
    {
        var sut = GemmPeak.Measure(threads: 2, size: 96, repeats: 2);
        Assert.Equal(96, sut.Size);
        Assert.Equal(2, sut.Threads);
        Assert.True(sut.CoreGflops > 0 && double.IsFinite(sut.CoreGflops), $"core {sut.CoreGflops}");
        Assert.True(sut.WallGflops > 0 && double.IsFinite(sut.WallGflops), $"wall {sut.WallGflops}");
        Assert.False(string.IsNullOrEmpty(sut.Backend));
    }

    [Theory]
    [InlineData(32, 1, 0)]
    [InlineData(9000, 1, 0)]
    [InlineData(128, 0, 0)]
    [InlineData(128, 1, -1)]
    public void Measure_BadArguments_Throw(int size, int repeats, int threads)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GemmPeak.Measure(threads, size, repeats));
    }
}
