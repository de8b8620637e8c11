using Encore.Online.Experiments;
using Encore.Online.Feedback;
using Encore.Online.Serving;
using Encore.Online.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Online.Tests.Experiments;

/// <summary>
/// Two engines on one store stand for two service processes: an experiment started through one serves on the
/// other (after its 1 s cache), a list served by one collects feedback ingested by the other, and the report is
/// the same from both. Once per store kind (SQLite; PostgreSQL when available).
/// </summary>
public sealed class SharedExperimentTests
{
    public static TheoryData<string> Kinds => TestStores.Kinds();

    [Theory, MemberData(nameof(Kinds))]
    public void ExperimentStartedOnOneEngine_ServesAndAttributesOnTheOther(string kind)
    {
        using var scope = new StoreScope(kind);
        var folder = Directory.CreateTempSubdirectory("encore-shared-ab-").FullName;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        try
        {
            var options = new OnlineOptions { StorePath = scope.Location, ModelDirectory = Path.Combine(folder, "models") };
            using var a = new OnlineEngine(options, clock);
            using var b = new OnlineEngine(options, clock);
            foreach (var engine in new[] { a, b })
            {
                engine.Serve("main", TestWorld.AlsPath);
                engine.Serve("candidate", TestWorld.KnnPath);
            }
            var user = TestWorld.Matrix.Users[3];
            var request = new UserRecommendationRequest { User = user, K = 5 };
            Assert.Null(b.Experiments.Recommend(request).Experiment); // caches "nothing runs" for 1 s

            a.Experiments.Create(new AbExperiment
            {
                Name = "shared",
                Variants = [new AbVariant("control", 0.5, Model: "main"), new AbVariant("treatment", 0.5, Model: "candidate")],
            });
            a.Experiments.Start("shared");
            Assert.Null(b.Experiments.Recommend(request).Experiment); // within b's cache time
            clock.Advance(ExperimentService.CacheTime);
            var served = b.Experiments.Recommend(request);
            Assert.Equal("shared", served.Experiment!.Experiment);

            clock.Advance(TimeSpan.FromSeconds(30));
            a.Feedback.Ingest(new FeedbackEvent { User = user, Track = served.Items[2].Track, Kind = "play", Timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds() });
            var fromA = a.Experiments.Report("shared").Variants.Single(v => v.Variant == served.Experiment.Variant);
            Assert.Equal((1, 5L, 1L), (fromA.Users, fromA.Impressions, fromA.Plays));
            Assert.Equal(a.Experiments.Report("shared").Variants, b.Experiments.Report("shared").Variants);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
