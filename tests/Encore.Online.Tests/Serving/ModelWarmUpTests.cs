using Encore.Core.Ids;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Online.Registry;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Serving;

/// <summary>
/// The first request after a start paid for compiling the scoring code (a first similar-tracks request 18-88 ms against
/// 2 ms after it, on the demo service); a version's scoring paths now run once when it goes live.
/// </summary>
public sealed class ModelWarmUpTests
{
    [Fact]
    public void Run_ModelWithEveryCapability_ScoresEachPathOnceForItsFirstUserAndTrack()
    {
        var model = new RecordingModel(fail: false);

        ModelWarmUp.Run(new ServingModel("main", 1, "m.bin", model, 0));

        Assert.Equal(["recommend 0", "similar 0", "history 0"], model.Calls);
    }

    [Fact]
    public void Run_ScoringThrows_DoesNotThrow()
    {
        var model = new RecordingModel(fail: true);

        ModelWarmUp.Run(new ServingModel("main", 1, "m.bin", model, 0));

        Assert.Equal(["recommend 0"], model.Calls);
    }

    [Fact]
    public void Run_EmptyModel_ScoresNothing()
    {
        var model = new RecordingModel(fail: false, users: 0);

        ModelWarmUp.Run(new ServingModel("main", 1, "m.bin", model, 0));

        Assert.Empty(model.Calls);
    }

    private sealed class RecordingModel(bool fail, int users = 2) : IRecommender, ISimilarItems, IHistoryRecommender
    {
        public List<string> Calls { get; } = [];

        public string ModelName => "recording";

        public IdMap Users { get; } = IdMap.FromIds(Enumerable.Range(0, users).Select(u => "u" + u));

        public IdMap Items { get; } = IdMap.FromIds(["t0", "t1"]);

        public RecommendationBatch Recommend(ReadOnlySpan<int> users, int k, RecommendOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls.Add($"recommend {users[0]}");
            if (fail) throw new InvalidOperationException("scoring failed");
            return new RecommendationBatch(users.Length, 0);
        }

        public (int[] Items, float[] Scores) SimilarItems(int item, int k)
        {
            Calls.Add($"similar {item}");
            return ([], []);
        }

        public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
        {
            Calls.Add($"history {items[0]}");
            return ([], []);
        }

        public void Score(int user, ReadOnlySpan<int> items, Span<float> scores) => throw new NotSupportedException();

        public void WritePayload(ModelWriter writer) => throw new NotSupportedException();
    }
}
