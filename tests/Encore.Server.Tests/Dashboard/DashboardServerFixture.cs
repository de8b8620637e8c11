using System.Net.Http.Json;
using Encore.Data.Model;
using Encore.Data.Snapshots;
using Encore.Data.Synthetic;

namespace Encore.Server.Tests.Dashboard;

/// <summary>
/// A real server for the dashboard tests: the Tiny synthetic world as base dataset snapshot, ALS as "main"
/// and item-kNN as "knn", <see cref="IngestedEvents"/> events of the world posted through the API, and a run
/// store shaped like a real one (<see cref="RealisticRuns"/>) for the Runs page.
/// </summary>
public sealed class DashboardServerFixture : IAsyncLifetime
{
    public const int IngestedEvents = 400;

    /// <summary>2024-03-01 00:00 UTC: ingested events are spread over the days after it.</summary>
    public const long FirstEventMs = 1_709_251_200_000;

    private string _snapshot = "";

    public TestServer Server { get; private set; } = null!;

    public MusicDataset World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny).Dataset;
        _snapshot = Path.Combine(Path.GetTempPath(), "encore-dashboard-base-" + Guid.NewGuid().ToString("N"));
        DatasetSnapshot.Write(World, _snapshot);
        var runs = _snapshot + "-runs.db";
        new Encore.Evaluation.Runs.SqliteRunStore(runs).Save(RealisticRuns.Create());
        Server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Dataset:Base"] = _snapshot,
            ["Models:Preload:0"] = "knn=" + ModelFiles.Knn,
            ["Runs:Path"] = runs,
        });
        using var response = await Server.Client.SendAsync(Server.Request(HttpMethod.Post, "/api/events", TestServer.WriteKey, Json.Body(Events())));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Event i: user i % 7 of the model, track i % 13, kind play / like / skip by i % 3, one day per 100 events.</summary>
    public static object[] Events() =>
        [.. Enumerable.Range(0, IngestedEvents).Select(i => new
        {
            eventId = "e" + i,
            user = ModelFiles.User(i % 7),
            track = ModelFiles.Track(i % 13),
            kind = (i % 3) switch { 0 => "play", 1 => "like", _ => "skip" },
            timestamp = FirstEventMs + (i / 100 * 86_400_000L) + i,
        })];

    public async Task<T> Get<T>(string path) => (await Server.Client.GetFromJsonAsync<T>(path, System.Text.Json.JsonSerializerOptions.Web))!;

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_snapshot, recursive: true);
            File.Delete(_snapshot + "-runs.db");
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
