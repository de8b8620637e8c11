using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Store;

/// <summary>
/// Two engines on one store location stand for two service processes sharing it: feedback written through one is
/// seen by the other, model versions are numbered once, and both serve the registered model.
/// </summary>
public sealed class SharedStoreEngineTests
{
    public static TheoryData<string> Kinds => TestStores.Kinds();

    [Theory, MemberData(nameof(Kinds))]
    public void TwoEngines_OneStore_ShareFeedbackAndRegistry(string kind)
    {
        using var scope = new StoreScope(kind);
        var folder = Directory.CreateTempSubdirectory("encore-shared-").FullName;
        try
        {
            var options = new OnlineOptions { StorePath = scope.Location, ModelDirectory = Path.Combine(folder, "models") };
            using var a = new OnlineEngine(options);
            using var b = new OnlineEngine(options);
            var served = a.Serve("main", TestWorld.AlsPath);
            // The second process registers the same file: it reuses version 1 instead of numbering a new one.
            var again = b.Serve("main", TestWorld.AlsPath);
            Assert.Equal((1, 1), (served.Version, again.Version));

            var user = TestWorld.Matrix.Users[0];
            var track = TestWorld.Matrix.Items[0];
            var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            var first = a.Feedback.Ingest([new FeedbackEvent { EventId = "e1", User = user, Track = track, Kind = "like", Timestamp = now - 1000 }]);
            var repeat = b.Feedback.Ingest([new FeedbackEvent { EventId = "e1", User = user, Track = track, Kind = "like", Timestamp = now - 1000 }]);
            Assert.Equal(EventOutcome.Accepted, first.Outcomes[0]);
            Assert.Equal(EventOutcome.Duplicate, repeat.Outcomes[0]);
            Assert.Equal(1, b.Events.Count());

            var fromA = a.Recommendations.ForUser(new UserRecommendationRequest { User = user, K = 5 });
            var fromB = b.Recommendations.ForUser(new UserRecommendationRequest { User = user, K = 5 });
            Assert.Equal(fromA.Items, fromB.Items);
            Assert.DoesNotContain(fromB.Items, i => i.Track == track);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void ActivationThroughOneEngine_FollowStoreOnTheOther_ServesItWithoutWriting(string kind)
    {
        using var scope = new StoreScope(kind);
        var folder = Directory.CreateTempSubdirectory("encore-follow-").FullName;
        try
        {
            var options = new OnlineOptions { StorePath = scope.Location, ModelDirectory = Path.Combine(folder, "models") };
            using var a = new OnlineEngine(options);
            using var b = new OnlineEngine(options);
            a.Serve("main", TestWorld.AlsPath);
            b.Registry.LoadActive();
            Assert.Empty(b.Registry.FollowStore());

            var second = a.Registry.Register("main", TestWorld.KnnPath);
            a.Registry.Activate("main", second.Version);
            Assert.Equal(1, b.Registry.Active("main")!.Version);

            var followed = Assert.Single(b.Registry.FollowStore());
            Assert.Equal(("main", 2), (followed.Name, followed.Version));
            Assert.Equal(2, b.Registry.Active("main")!.Version);
            Assert.Empty(b.Registry.FollowStore());

            // Following never writes: a activates version 1 again, and b follows back.
            a.Registry.Activate("main", 1);
            Assert.Equal(1, Assert.Single(b.Registry.FollowStore()).Version);
            Assert.True(a.Registry.List("main").Single(v => v.Version == 1).IsActive);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
