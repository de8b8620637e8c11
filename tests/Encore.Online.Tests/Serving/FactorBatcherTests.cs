using Encore.Models.Contract;
using Encore.Models.Factorization;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Serving;

/// <summary>
/// The request batcher, made deterministic without timing: one worker, held at its first scoring call by a gate
/// (<see cref="FactorBatcher.BeforeScoring"/>) while the test queues more requests behind it.
/// </summary>
public sealed class FactorBatcherTests
{
    private const int K = 5;

    [Fact]
    public async Task Recommend_RequestsQueuedWhileWorkerBusy_CoalescedIntoOneBatchCall()
    {
        using var gate = new HeldWorker();
        using var sut = new FactorBatcher(workers: 1) { BeforeScoring = gate.Enter };
        var model = TestWorld.Als;
        var first = sut.Recommend(model, 0, K, excludeSeen: true);
        gate.WaitUntilHeld();

        var queued = Enumerable.Range(1, 6).Select(u => sut.Recommend(model, u, K, excludeSeen: true)).ToArray();
        gate.Release();
        var answers = await Task.WhenAll([first, .. queued]);

        Assert.Equal(new[] { 1, 6 }, gate.Sizes);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6 }, gate.Users);
        for (var u = 0; u < answers.Length; u++) AssertSingleUserAnswer(model, u, answers[u]);
    }

    [Fact]
    public async Task Recommend_DifferentK_GroupedSeparately()
    {
        using var gate = new HeldWorker();
        using var sut = new FactorBatcher(workers: 1) { BeforeScoring = gate.Enter };
        var model = TestWorld.Als;
        var first = sut.Recommend(model, 0, K, excludeSeen: true);
        gate.WaitUntilHeld();

        var fives = Enumerable.Range(1, 4).Select(u => sut.Recommend(model, u, K, excludeSeen: true)).ToArray();
        var threes = Enumerable.Range(5, 5).Select(u => sut.Recommend(model, u, 3, excludeSeen: true)).ToArray();
        gate.Release();
        await Task.WhenAll([first, .. fives, .. threes]);

        Assert.Equal(1, gate.Sizes[0]);
        Assert.Equal(new[] { 4, 5 }, gate.Sizes.Skip(1).Order());
    }

    [Fact]
    public async Task Recommend_CancelledWhileWaiting_TaskCancelledAtOnceAndNeverScored()
    {
        using var gate = new HeldWorker();
        using var sut = new FactorBatcher(workers: 1) { BeforeScoring = gate.Enter };
        var model = TestWorld.Als;
        var first = sut.Recommend(model, 0, K, excludeSeen: true);
        gate.WaitUntilHeld();
        using var disconnected = new CancellationTokenSource();

        var abandoned = sut.Recommend(model, 1, K, excludeSeen: true, disconnected.Token);
        var others = Enumerable.Range(2, 4).Select(u => sut.Recommend(model, u, K, excludeSeen: true)).ToArray();
        await disconnected.CancelAsync();

        // Cancelled while the only worker is still held: the caller is released without any scoring.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        gate.Release();
        await Task.WhenAll([first, .. others]);
        Assert.Equal(new[] { 1, 4 }, gate.Sizes);
        Assert.Equal(new[] { 0, 2, 3, 4, 5 }, gate.Users);
    }

    [Fact]
    public async Task Recommend_TokenAlreadyCancelled_CancelledTaskAndNothingQueued()
    {
        using var gate = new HeldWorker();
        using var sut = new FactorBatcher(workers: 1) { BeforeScoring = gate.Enter };
        gate.Release();

        var task = sut.Recommend(TestWorld.Als, 0, K, excludeSeen: true, new CancellationToken(canceled: true));

        Assert.True(task.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        var after = await sut.Recommend(TestWorld.Als, 2, K, excludeSeen: true);
        AssertSingleUserAnswer(TestWorld.Als, 2, after);
        Assert.Equal(new[] { 1 }, gate.Sizes);
    }

    [Fact]
    public async Task Recommend_CancelledAfterAnswer_KeepsTheAnswer()
    {
        using var sut = new FactorBatcher(workers: 1);
        using var cts = new CancellationTokenSource();

        var answer = await sut.Recommend(TestWorld.Als, 3, K, excludeSeen: false, cts.Token);
        await cts.CancelAsync();

        var expected = FactorTopK.Recommend(TestWorld.Als, 3, K, null, new RecommendOptions { ExcludeSeen = false });
        Assert.Equal(expected.Items, answer.Items);
    }

    private static void AssertSingleUserAnswer(FactorModel model, int user, (int[] Items, float[] Scores) answer)
    {
        var expected = FactorTopK.Recommend(model, user, K, model.Interactions, RecommendOptions.Default);
        Assert.Equal(expected.Items, answer.Items);
        Assert.Equal(expected.Scores, answer.Scores);
    }

    // Holds the worker at its first scoring call until released; records every call's size and the users scored.
    private sealed class HeldWorker : IDisposable
    {
        private readonly ManualResetEventSlim _held = new();
        private readonly ManualResetEventSlim _released = new();
        private readonly Lock _lock = new();
        private readonly List<int[]> _calls = [];

        public IReadOnlyList<int> Sizes
        {
            get
            {
                lock (_lock) return [.. _calls.Select(c => c.Length)];
            }
        }

        public IReadOnlyList<int> Users
        {
            get
            {
                lock (_lock) return [.. _calls.SelectMany(c => c)];
            }
        }

        public void Enter(FactorModel model, int[] users)
        {
            lock (_lock) _calls.Add(users);
            _held.Set();
            Assert.True(_released.Wait(TimeSpan.FromMinutes(1)), "the test never released the worker");
        }

        public void WaitUntilHeld() => Assert.True(_held.Wait(TimeSpan.FromMinutes(1)), "the worker never reached the scoring call");

        public void Release() => _released.Set();

        public void Dispose()
        {
            _released.Set();
            _held.Dispose();
            _released.Dispose();
        }
    }
}
