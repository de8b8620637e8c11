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
}
