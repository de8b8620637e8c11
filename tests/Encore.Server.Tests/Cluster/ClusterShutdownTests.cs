using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Encore.Server.Tests.Cluster;

/// <summary>
/// SIGTERM to a silo while the retraining grain runs a retrain (session 14's fault: cluster mode's grain stopped at once
/// on shutdown, where a single process finishes the retrain within server.shutdown_grace_seconds or answers 503). The
/// cluster path now keeps the same contract. A real silo process over PostgreSQL membership, a real signal.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterShutdownTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("encore-cluster-shutdown-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [PostgresFact]
    public async Task Sigterm_RetrainLongerThanTheGrace_Answers503()
    {
        if (!OperatingSystem.IsLinux()) return; // kill -TERM
        using var database = new PostgresSchemaScope();
        // 1000 ALS iterations of 256 factors: minutes, far beyond a 3 s grace.
        using var silo = await StartSilo(database, grace: 3, factors: 256, iterations: 1000);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var retrain = Retrain(client, silo);
            await WaitForRetrainInProgress(client, silo, retrain);
            var signalled = Stopwatch.StartNew();
            silo.Terminate();

            using var response = await retrain;
            var answeredAfter = signalled.Elapsed;
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"answered {(int)response.StatusCode} {answeredAfter.TotalSeconds:F1} s after SIGTERM: {text}");

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter is not null, "no Retry-After");
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal("Server shutting down", problem.GetProperty("title").GetString());
            Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(answeredAfter < TimeSpan.FromSeconds(3 + 10), $"answered {answeredAfter.TotalSeconds:0.0} s after SIGTERM");
            Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }
        catch
        {
            output.WriteLine(silo.OutputTail);
            throw;
        }
    }

    [PostgresFact]
    public async Task Sigterm_RetrainWithinTheGrace_FinishesAndIsAnswered()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var database = new PostgresSchemaScope();
        using var silo = await StartSilo(database, grace: 240, factors: 64, iterations: 150);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var retrain = Retrain(client, silo);
            await WaitForRetrainInProgress(client, silo, retrain);
            silo.Terminate();

            using var response = await retrain;
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"answered {(int)response.StatusCode}: {text}");

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("main", JsonDocument.Parse(text).RootElement.GetProperty("name").GetString());
            Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }
        catch
        {
            output.WriteLine(silo.OutputTail);
            throw;
        }
    }

    private async Task<ServerProcess> StartSilo(PostgresSchemaScope database, int grace, int factors, int iterations)
    {
        var als = Path.Combine(_root, "als.bin");
        File.Copy(ModelFiles.Als, als, overwrite: true);
        return await ServerProcess.StartAsync(_root, ["--model", als], new Dictionary<string, string>
        {
            ["ENCORE_STORE__PATH"] = database.Location,
            ["ENCORE_MODELS__DIRECTORY"] = Path.Combine(_root, "models"),
            ["ENCORE_DATASET__BASE"] = BanditEndpointTests.Snapshot.Value,
            ["ENCORE_SECURITY__ADMIN_KEYS__0"] = TestServer.AdminKey,
            ["ENCORE_RATE_LIMIT__ENABLED"] = "false",
            ["ENCORE_SERVER__SHUTDOWN_GRACE_SECONDS"] = grace.ToString(CultureInfo.InvariantCulture),
            ["ENCORE_RETRAIN__FACTORS"] = factors.ToString(CultureInfo.InvariantCulture),
            ["ENCORE_RETRAIN__ITERATIONS"] = iterations.ToString(CultureInfo.InvariantCulture),
            ["ENCORE_CLUSTER__MEMBERSHIP"] = database.Location,
            ["ENCORE_CLUSTER__CLUSTER_ID"] = "s" + Guid.NewGuid().ToString("N")[..12],
            ["ENCORE_CLUSTER__SILO_PORT"] = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["ENCORE_CLUSTER__PROBE_TIMEOUT_SECONDS"] = "1",
            ["ENCORE_CLUSTER__MODEL_POLL_SECONDS"] = "1",
        });
    }

    private static async Task<HttpResponseMessage> Retrain(HttpClient client, ServerProcess silo)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.Address, "/api/models/main/retrain"))
        {
            Headers = { { "X-Api-Key", TestServer.AdminKey } },
        };
        return await client.SendAsync(request);
    }

    // The retrain request is running on the silo (its HTTP request is in progress), then a moment for the grain to start.
    private static async Task WaitForRetrainInProgress(HttpClient client, ServerProcess silo, Task<HttpResponseMessage> retrain)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            Assert.False(retrain.IsCompleted, "the retrain ended before the signal could be sent: make it longer");
            var text = await client.GetStringAsync(new Uri(silo.Address, "/metrics"));
            if (text.Split('\n').Any(l => l.StartsWith("http_requests_in_progress{", StringComparison.Ordinal) && l.Contains("retrain", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)))
            {
                await Task.Delay(500);
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail("the retrain never showed as in progress");
    }
}
