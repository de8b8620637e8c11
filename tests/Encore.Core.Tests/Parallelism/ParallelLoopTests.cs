using System.Collections.Concurrent;
using Encore.Core.Parallelism;

namespace Encore.Core.Tests.Parallelism;

public sealed class ParallelLoopTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var count in new[] { 0, 1, 2, 7, 100, 1000, 4099 })
            foreach (var degree in new[] { 0, 1, 2, 3, 8 })
                foreach (var chunk in new[] { 0, 1, 3, 64, 10_000 })
                    data.Add(count, degree, chunk);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void For_AnyShape_VisitsEveryIndexExactlyOnce(int count, int degree, int chunk)
    {
        var hits = new int[count];

        ParallelLoop.For(count, degree, (start, end) =>
        {
            for (var i = start; i < end; i++) Interlocked.Increment(ref hits[i]);
        }, chunkSize: chunk);

        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Theory]
    [InlineData(1000, 0, 0)]
    [InlineData(1000, 1, 7)]
    [InlineData(1000, 2, 1)]
    [InlineData(1000, 8, 5)]
    [InlineData(3, 8, 1)]
    public void For_WithScratch_CreatesScratchAtMostOncePerWorker(int count, int degree, int chunk)
    {
        var created = new ConcurrentDictionary<int, int>();
        var hits = new int[count];

        ParallelLoop.For(count, degree, worker =>
        {
            created.AddOrUpdate(worker, 1, (_, n) => n + 1);
            return new List<int>();
        }, (start, end, scratch) =>
        {
            scratch.Add(start);
            for (var i = start; i < end; i++) Interlocked.Increment(ref hits[i]);
        }, chunkSize: chunk);

        Assert.All(created.Values, n => Assert.Equal(1, n));
        Assert.InRange(created.Count, 1, Math.Min(ParallelLoop.Workers(degree), count));
        Assert.All(created.Keys, w => Assert.InRange(w, 0, ParallelLoop.Workers(degree) - 1));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void For_CancelledMidway_ThrowsOperationCanceled(int degree)
    {
        using var cts = new CancellationTokenSource();
        var visited = 0;

        Assert.Throws<OperationCanceledException>(() => ParallelLoop.For(100_000, degree, (start, end) =>
        {
            if (Interlocked.Add(ref visited, end - start) >= 100) cts.Cancel();
        }, cts.Token, chunkSize: 10));

        Assert.True(visited < 100_000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void For_CancelledBeforeStart_ThrowsOperationCanceledWithoutRunning(int degree)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var calls = 0;

        Assert.Throws<OperationCanceledException>(() =>
            ParallelLoop.For(100, degree, (_, _) => Interlocked.Increment(ref calls), cts.Token));

        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void For_BodyThrows_SurfacesOriginalExceptionType(int degree)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ParallelLoop.For(1000, degree, (start, end) =>
        {
            if (start <= 500 && 500 < end) throw new InvalidOperationException("bad row 500");
        }, chunkSize: 10));

        Assert.Equal("bad row 500", ex.Message);
    }

    [Fact]
    public void For_BodyThrowsInFirstChunk_OtherWorkersStopEarly()
    {
        var calls = 0;

        Assert.Throws<InvalidOperationException>(() => ParallelLoop.For(2000, 2, (start, _) =>
        {
            if (start == 0)
            {
                // Fail only once the other worker is running, so it has to notice the failure.
                SpinWait.SpinUntil(() => Volatile.Read(ref calls) > 0, TimeSpan.FromSeconds(5));
                throw new InvalidOperationException("bad first chunk");
            }
            Interlocked.Increment(ref calls);
            Thread.Sleep(1);
        }, chunkSize: 1));

        // Without stopping, the healthy worker would run all 1999 remaining chunks (about 2 s).
        Assert.InRange(calls, 0, 999);
    }

    [Fact]
    public void For_ScratchFactoryThrows_SurfacesOriginalExceptionType() =>
        Assert.Throws<FormatException>(() => ParallelLoop.For<object>(100, 2,
            _ => throw new FormatException("no scratch"), (_, _, _) => { }));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void For_CountNearIntMax_ChunksStayInRange(int degree)
    {
        // Chunk boundaries past int.MaxValue must not wrap around to negative starts.
        var ranges = new ConcurrentBag<(int Start, int End)>();

        ParallelLoop.For(int.MaxValue, degree, (start, end) => ranges.Add((start, end)), chunkSize: 1 << 30);

        Assert.All(ranges, r => Assert.True(r.Start >= 0 && r.Start < r.End, $"bad range [{r.Start}, {r.End})"));
        Assert.Equal((long)int.MaxValue, ranges.Sum(r => (long)r.End - r.Start));
    }

    [Fact]
    public void For_NegativeCount_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelLoop.For(-1, 1, (_, _) => { }));

    [Fact]
    public void Workers_ZeroOrNegative_MeansAllCores()
    {
        Assert.Equal(Environment.ProcessorCount, ParallelLoop.Workers(0));
        Assert.Equal(Environment.ProcessorCount, ParallelLoop.Workers(-3));
        Assert.Equal(5, ParallelLoop.Workers(5));
    }
}
