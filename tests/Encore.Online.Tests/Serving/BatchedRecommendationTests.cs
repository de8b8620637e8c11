using System.Collections.Concurrent;
using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Serving;

public sealed class BatchedRecommendationTests
{
    [Fact]
    public async Task ForUserAsync_ManyConcurrentRequests_EqualSingleUserAnswers()
    {
        using var scope = new EngineScope();
        scope.Engine.Serve("main", TestWorld.AlsPath);
        var sut = scope.Engine.Recommendations;
        var requests = Enumerable.Range(0, 200).Select(i => new UserRecommendationRequest
        {
            User = TestWorld.Matrix.Users[i % TestWorld.Matrix.Users.Count],
            K = 5 + i % 3,
            ExcludeSeen = i % 4 != 0,
        }).ToArray();

        var batched = await Task.WhenAll(requests.Select(r => Task.Run(async () => await sut.ForUserAsync(r))));

        for (var i = 0; i < requests.Length; i++)
        {
            var single = sut.ForUser(requests[i]);
            Assert.Equal(single.Items, batched[i].Items);
            Assert.Equal(ServingPath.Model, batched[i].Path);
        }
    }

    [Fact]
    public async Task ForUserAsync_BatchingOff_SameAnswer()
    {
        using var scope = new EngineScope(o => o with { BatchRequests = false });
        scope.Engine.Serve("main", TestWorld.AlsPath);
        var request = new UserRecommendationRequest { User = TestWorld.Matrix.Users[3], K = 7 };

        var response = await scope.Engine.Recommendations.ForUserAsync(request);

        Assert.Equal(scope.Engine.Recommendations.ForUser(request).Items, response.Items);
    }

    [Fact]
    public async Task ForUserAsync_UsersWithFeedback_AreBatchedAndEqualSingleUserAnswers()
    {
        // Users with feedback used to skip the batcher: in a live service, the users who post events.
        using var scope = new EngineScope();
        scope.Engine.Serve("main", TestWorld.AlsPath);
        var users = Enumerable.Range(0, 40).Select(i => TestWorld.Matrix.Users[i]).ToArray();
        var skipped = new Dictionary<string, string[]>();
        var events = new List<FeedbackEvent>();
        for (var i = 0; i < users.Length; i++)
        {
            var top = scope.Engine.Recommendations.ForUser(new UserRecommendationRequest { User = users[i], K = 5 }).Items.Select(t => t.Track).ToArray();
            skipped[users[i]] = top[..(1 + i % 3)];
            events.AddRange(skipped[users[i]].Select(t => new FeedbackEvent { User = users[i], Track = t, Kind = "skip" }));
            if (i % 2 == 0) events.Add(new FeedbackEvent { User = users[i], Track = top[4], Kind = "like" });
        }
        scope.Engine.Feedback.Ingest(events);
        var scored = new ConcurrentBag<int>();
        using var sut = new RecommendationService(scope.Engine.Registry, scope.Engine.Events, scope.Engine.BaseDataset, scope.Options,
            new FactorBatcher(workers: 1) { BeforeScoring = (_, batch) => Array.ForEach(batch, scored.Add) });
        var requests = users.SelectMany(u => new[] { true, false }.Select(seen => new UserRecommendationRequest { User = u, K = 5, ExcludeSeen = seen })).ToArray();

        var batched = await Task.WhenAll(requests.Select(r => Task.Run(async () => await sut.ForUserAsync(r))));

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(sut.ForUser(requests[i]).Items, batched[i].Items);
            Assert.Equal(5, batched[i].Items.Count);
            Assert.DoesNotContain(batched[i].Items, t => skipped[requests[i].User!].Contains(t.Track));
        }
        Assert.Equal(users.Select(u => TestWorld.Als.Users.IndexOf(u)).Order(), scored.Distinct().Order());
    }

    [Fact]
    public async Task ForUserAsync_FeedbackOnMoreTracksThanABatchTakes_SingleUserPathSameAnswer()
    {
        using var scope = new EngineScope();
        scope.Engine.Serve("main", TestWorld.AlsPath);
        var user = TestWorld.Matrix.Users[1];
        var tracks = Enumerable.Range(0, RecommendationService.MaxBatchedAvoided + 1).Select(i => TestWorld.Matrix.Items[i]).ToArray();
        scope.Engine.Feedback.Ingest([.. tracks.Select(t => new FeedbackEvent { User = user, Track = t, Kind = "skip" })]);
        var scored = new ConcurrentBag<int>();
        using var sut = new RecommendationService(scope.Engine.Registry, scope.Engine.Events, scope.Engine.BaseDataset, scope.Options,
            new FactorBatcher(workers: 1) { BeforeScoring = (_, batch) => Array.ForEach(batch, scored.Add) });
        var request = new UserRecommendationRequest { User = user, K = 8 };

        var answer = await sut.ForUserAsync(request);

        Assert.Equal(sut.ForUser(request).Items, answer.Items);
        Assert.DoesNotContain(answer.Items, t => tracks.Contains(t.Track));
        Assert.Empty(scored);
    }
}
