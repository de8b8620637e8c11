using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Encore.Server.Tests;

public sealed class CrashRecoveryTests
{
    private const int BatchSize = 5;

    private static object[] Batch(int batch) => [.. Enumerable.Range(0, BatchSize).Select(i => (object)new
    {
        eventId = $"e{batch}-{i}",
        user = $"crash-user-{batch % 7}",
        track = ModelFiles.Track((batch * BatchSize + i) % 400),
        kind = i % 2 == 0 ? "play" : "like",
    })];

    private static HttpRequestMessage Post(int batch) => new(HttpMethod.Post, "/api/events")
    {
        Content = Json.Body(Batch(batch)),
        Headers = { { "X-Api-Key", TestServer.WriteKey } },
    };

    [Fact]
    public async Task Events_ServerKilledMidStream_AcknowledgedKeptOnceAndResendIsIdempotent()
    {
        var folder = Path.Combine(Path.GetTempPath(), "encore-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = Path.Combine(folder, "encore.db");
        try
        {
            var acknowledged = new List<int>();
            var firstUnacknowledged = -1;
            using (var server = await ServerProcess.StartAsync(store, ModelFiles.Als))
            using (var client = new HttpClient { BaseAddress = server.Address })
            {
                var enough = new TaskCompletionSource();
                var sender = Task.Run(async () =>
                {
                    for (var batch = 0; ; batch++)
                    {
                        try
                        {
                            var response = await client.SendAsync(Post(batch));
                            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                            lock (acknowledged) acknowledged.Add(batch);
                            if (batch == 150) enough.TrySetResult();
                        }
                        catch (HttpRequestException)
                        {
                            firstUnacknowledged = batch;
                            return;
                        }
                    }
                });
                await enough.Task;
                server.Kill();
                await sender;
            }

            var counts = StoredCounts(store);
            Assert.True(acknowledged.Count >= 151);
            Assert.Equal(acknowledged.Count, firstUnacknowledged);
            foreach (var batch in acknowledged)
                for (var i = 0; i < BatchSize; i++) Assert.Equal(1, counts.GetValueOrDefault($"e{batch}-{i}"));
            Assert.All(counts.Values, c => Assert.Equal(1, c));

            using (var server = await ServerProcess.StartAsync(store, ModelFiles.Als))
            using (var client = new HttpClient { BaseAddress = server.Address })
            {
                // The unacknowledged tail (the batch in flight at the kill and the next ones), resent with the same ids.
                for (var batch = firstUnacknowledged; batch < firstUnacknowledged + 3; batch++)
                {
                    var response = await client.SendAsync(Post(batch));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
                // Resending an acknowledged batch reports duplicates only.
                var again = await Json.Read(await client.SendAsync(Post(acknowledged[^1])));
                Assert.Equal(0, again.GetProperty("accepted").GetInt32());
                Assert.Equal(BatchSize, again.GetProperty("duplicates").GetInt32());
                server.Kill();
            }

            var final = StoredCounts(store);
            Assert.Equal((firstUnacknowledged + 3) * BatchSize, final.Count);
            Assert.All(final.Values, c => Assert.Equal(1, c));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, int> StoredCounts(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT client_event_id, COUNT(*) FROM events GROUP BY client_event_id;";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>();
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }
}
