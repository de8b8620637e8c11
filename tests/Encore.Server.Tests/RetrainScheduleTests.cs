using Encore.Online;
using Encore.Online.Feedback;
using Encore.Online.Retraining;
using Encore.Server.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Server.Tests;

public sealed class RetrainScheduleTests
{
    [Fact]
    public async Task Schedule_IntervalPassesWithNewEvents_RetrainsAndActivates()
    {
        var folder = Path.Combine(Path.GetTempPath(), "encore-schedule-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new OnlineOptions
        {
            StorePath = Path.Combine(folder, "encore.db"),
            ModelDirectory = Path.Combine(folder, "models"),
            Retrain = new RetrainOptions { Enabled = true, Interval = TimeSpan.FromMinutes(10), Factors = 4, Iterations = 2 },
        };
        try
        {
            using var engine = new OnlineEngine(options, time);
            var events = new List<FeedbackEvent>();
            for (var u = 0; u < 10; u++)
                for (var t = 0; t < 6; t++) events.Add(new FeedbackEvent { User = $"u{u}", Track = $"t{(u % 2) * 6 + t}", Kind = "like" });
            engine.Feedback.Ingest(events);
            using var sut = new RetrainBackgroundService(engine, new Encore.Server.Cluster.LocalRetrainRunner(engine), time, NullLogger<RetrainBackgroundService>.Instance);

            await sut.StartAsync(CancellationToken.None);
            // The service creates its timer on a pool thread (BackgroundService), so keep moving the clock.
            for (var wait = 0; wait < 600 && engine.Registry.Active("main") is null; wait++)
            {
                time.Advance(TimeSpan.FromMinutes(10));
                await Task.Delay(50);
            }
            await sut.StopAsync(CancellationToken.None);

            Assert.Equal(1, engine.Registry.Active("main")?.Version);
            Assert.False(engine.Retrain.HasNewEvents);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
