using System.Collections.Concurrent;
using Encore.Core.Parallelism;

namespace Encore.Core.Tests.Parallelism;

public sealed class ParallelPhasesTests
{
    public static TheoryData<int, int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int, int>();
        foreach (var phases in new[] { 0, 1, 5 })
            foreach (var count in new[] { 0, 1, 7, 1000 })
                foreach (var degree in new[] { 0, 1, 2, 3 })
                    foreach (var chunk in new[] { 0, 1, 64 })
                        data.Add(phases, count, degree, chunk);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void For_AnyShape_VisitsEveryIndexOncePerPhase_ThenRunsAfterPhaseOnce(int phases, int count, int degree, int chunk)
    {
        var hits = new int[Math.Max(phases, 1), count];
        var after = new List<int>();
        var wrongPhase = 0;

        ParallelPhases.For(phases, count, degree, _ => new object(), (phase, start, end, _) =>
        {
            // A chunk of phase p never runs after afterPhase(p) or before afterPhase(p - 1).
            lock (after) if (after.Count != phase) Interlocked.Increment(ref wrongPhase);
            for (var i = start; i < end; i++) Interlocked.Increment(ref hits[phase, i]);
        }, phase =>
        {
            lock (after) after.Add(phase);
        }, chunkSize: chunk);

        Assert.Equal(Enumerable.Range(0, phases), after);
        Assert.Equal(0, wrongPhase);
        for (var p = 0; p < phases; p++)
            for (var i = 0; i < count; i++) Assert.Equal(1, hits[p, i]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void For_ScratchCreatedOncePerWorker_AcrossPhases(int degree)
    {
        var created = new ConcurrentDictionary<int, int>();

        ParallelPhases.For(10, 500, degree, w => created.AddOrUpdate(w, 1, (_, n) => n + 1), (_, _, _, _) => { }, _ => { }, chunkSize: 3);

        Assert.InRange(created.Count, 1, degree);
        Assert.All(created.Values, n => Assert.Equal(1, n));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void For_BodyThrows_StopsAtThatPhase_AndRethrowsItsType(int degree)
    {
        var after = new List<int>();

        var error = Assert.Throws<InvalidDataException>(() => ParallelPhases.For(6, 100, degree, _ => 0, (phase, start, _, _) =>
        {
            if (phase == 2 && start == 0) throw new InvalidDataException("bad row");
        }, phase => { lock (after) after.Add(phase); }, chunkSize: 10));

        Assert.Equal("bad row", error.Message);
        Assert.Equal([0, 1], after);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void For_AfterPhaseThrows_NoFurtherPhase(int degree)
    {
        var phasesRun = new ConcurrentDictionary<int, bool>();

        Assert.Throws<ArithmeticException>(() => ParallelPhases.For(5, 50, degree, _ => 0,
            (phase, _, _, _) => phasesRun[phase] = true,
            phase => { if (phase == 1) throw new ArithmeticException("diverged"); }));

        Assert.Equal([0, 1], phasesRun.Keys.Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void For_CancelledBetweenPhases_ThrowsOperationCanceled(int degree)
    {
        using var cts = new CancellationTokenSource();

        var calls = 0;

        var error = Assert.ThrowsAny<OperationCanceledException>(() => ParallelPhases.For(100, 50, degree, _ => 0, (_, _, _, _) => { },
            phase => { calls++; if (phase == 3) cts.Cancel(); }, cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Equal(4, calls);
    }

    [Fact]
    public void For_NegativeArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelPhases.For(-1, 5, 1, _ => 0, (_, _, _, _) => { }, _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelPhases.For(1, -5, 1, _ => 0, (_, _, _, _) => { }, _ => { }));
    }
}
