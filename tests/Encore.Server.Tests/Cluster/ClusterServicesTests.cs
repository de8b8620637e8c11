using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Encore.Online.Registry;
using Xunit.Abstractions;

namespace Encore.Server.Tests.Cluster;

/// <summary>
/// Three <c>Encore.Server</c> silos on loopback over one PostgreSQL, each with a model folder of its own (as on three
/// machines): a model registered on one silo from a file only it had, then deleted, and activated on another silo,
/// serves on all three, each having fetched it by content hash; the bandit's choices and rewards go through any
/// silo exactly as in one process; a skip written through one silo leaves the track out of that user's answers
/// through every silo; two retrain requests sent at once to two silos retrain once, and the result
/// serves everywhere.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterServicesTests(ITestOutputHelper output)
{
    /// <summary>The stated bound: a model activated on one silo serves on every silo within this time (poll 1 s, fetch, load).</summary>
    private static readonly TimeSpan ActivationBound = TimeSpan.FromSeconds(10);

    private const int SiloCount = 3;

    [PostgresFact]
    public async Task ThreeSilos_ModelsByContentHash_BanditThroughAnySilo_ConcurrentRetrainsRunOnce()
    {
        using var database = new PostgresSchemaScope();
        var root = Path.Combine(Path.GetTempPath(), "encore-cluster-services-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var silos = new ServerProcess?[SiloCount];
        var clusterId = "s" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var clock = Stopwatch.StartNew();
            var als = Path.Combine(root, "als.bin");
            File.Copy(ModelFiles.Als, als);
            var started = await Task.WhenAll(Enumerable.Range(0, SiloCount).Select(i => Start(i, i == 0 ? als : null)));
            for (var i = 0; i < SiloCount; i++) silos[i] = started[i];
            output.WriteLine($"3 silos ready after {clock.Elapsed.TotalSeconds:F1} s");
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

            // 1. A file only silo 0 ever saw: registered there, deleted, activated through silo 1.
            var private0 = Path.Combine(root, "silo0", "knn-private.bin");
            // Fitted on half of each user's pairs: the retrain of step 3 compares on the held-out pairs it never saw.
            File.Copy(ModelFiles.KnnHalf, private0);
            var registered = await Read(await Admin(client, HttpMethod.Post, silos[0]!, "/api/models", new { name = "main", path = private0 }), HttpStatusCode.Created);
            var version = registered.GetProperty("version").GetInt32();
            var hash = registered.GetProperty("contentHash").GetString()!;
            Assert.Equal(ModelContentHash.OfFile(ModelFiles.KnnHalf), hash);
            File.Delete(private0);
            var activation = Stopwatch.StartNew();
            await Read(await Admin(client, HttpMethod.Post, silos[1]!, "/api/models/main/activate", new { version }), HttpStatusCode.OK);
            await WaitServedEverywhere(client, silos, version);
            // A user's recommendations come from that user's grain, on whichever silo Orleans placed it: an answer through
            // every silo's HTTP endpoint does not prove every silo followed the registry yet, its fetched copy does.
            for (var i = 0; i < SiloCount; i++) await WaitForFile(Path.Combine(root, $"silo{i}", "models", "by-hash", hash + ".bin"));
            output.WriteLine($"version {version} (file deleted) activated on silo 1, fetched by all 3 silos after {activation.Elapsed.TotalSeconds:F2} s");
            Assert.True(activation.Elapsed <= ActivationBound, $"activation took {activation.Elapsed.TotalSeconds:F1} s to reach every silo");
            for (var i = 0; i < SiloCount; i++)
                Assert.Equal(hash, ModelContentHash.OfFile(Path.Combine(root, $"silo{i}", "models", "by-hash", hash + ".bin")));

            // 2. The bandit: each choice on one silo, its feedback on the next; the state reads the same from any silo.
            var user = ModelFiles.User(3);
            var probe = new { candidates = Enumerable.Range(0, 40).Select(ModelFiles.Track).ToArray() };
            for (var round = 0; round < 6; round++)
            {
                var next = await Read(await Write(client, silos[round % SiloCount]!, $"/api/users/{Uri.EscapeDataString(user)}/next", probe), HttpStatusCode.OK);
                Assert.Equal(round, next.GetProperty("round").GetInt64());
                var track = next.GetProperty("track").GetString()!;
                var ingest = await Read(await Write(client, silos[(round + 1) % SiloCount]!, "/api/events",
                    new { eventId = $"bandit-{round}", user, track, kind = round % 3 == 0 ? "skip" : "like" }), HttpStatusCode.OK);
                Assert.Equal(1, ingest.GetProperty("banditUpdates").GetInt32());
            }
            var states = await Task.WhenAll(silos.Select(s => client.GetStringAsync(new Uri(s!.Address, $"/api/users/{Uri.EscapeDataString(user)}/bandit"))));
            Assert.All(states, s => Assert.Equal(states[0], s));
            var state = JsonDocument.Parse(states[0]).RootElement;
            Assert.Equal((6L, 4.0), (state.GetProperty("rounds").GetInt64(), state.GetProperty("cumulativeReward").GetDouble()));

            // 2b. A skip written through one silo leaves the track out of that user's answers through every silo: the
            // user's grain keeps the feedback it hands to serving current as its events arrive.
            var listener = ModelFiles.User(5);
            var listenerPath = $"/api/users/{Uri.EscapeDataString(listener)}/recommendations?k=5";
            var top = (await client.GetFromJsonAsync<JsonElement>(new Uri(silos[0]!.Address, listenerPath))).GetProperty("items")[0].GetProperty("track").GetString()!;
            await Read(await Write(client, silos[1]!, "/api/events", new { eventId = "skip-top", user = listener, track = top, kind = "skip" }), HttpStatusCode.OK);
            for (var i = 0; i < SiloCount; i++)
            {
                var items = (await client.GetFromJsonAsync<JsonElement>(new Uri(silos[i]!.Address, listenerPath))).GetProperty("items");
                Assert.Equal(5, items.GetArrayLength());
                Assert.DoesNotContain(items.EnumerateArray(), t => t.GetProperty("track").GetString() == top);
            }

            // 3. Two retrain requests at once on two silos: the singleton runs one, refuses the other.
            var before = (await Read(await Admin(client, HttpMethod.Get, silos[0]!, "/api/models", null), HttpStatusCode.OK)).GetArrayLength();
            var retrainClock = Stopwatch.StartNew();
            var answers = await Task.WhenAll(Admin(client, HttpMethod.Post, silos[1]!, "/api/models/main/retrain", null),
                Admin(client, HttpMethod.Post, silos[2]!, "/api/models/main/retrain", null));
            var statuses = answers.Select(a => (int)a.StatusCode).Order().ToArray();
            var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
            output.WriteLine($"concurrent retrains answered {string.Join(", ", answers.Select(a => (int)a.StatusCode))} in {retrainClock.Elapsed.TotalSeconds:F1} s: {string.Join(" | ", bodies)}");
            Assert.Equal([200, 409], statuses);
            var ok = JsonDocument.Parse(bodies[answers[0].StatusCode == HttpStatusCode.OK ? 0 : 1]).RootElement;
            Assert.True(ok.GetProperty("activated").GetBoolean(), bodies[0] + bodies[1]);
            var retrained = ok.GetProperty("version").GetInt32();
            var after = await Read(await Admin(client, HttpMethod.Get, silos[0]!, "/api/models", null), HttpStatusCode.OK);
            Assert.Equal(before + 1, after.GetArrayLength());
            var served = Stopwatch.StartNew();
            await WaitServedEverywhere(client, silos, retrained);
            output.WriteLine($"retrained version {retrained} served by all 3 silos {served.Elapsed.TotalSeconds:F2} s after the answer; whole test {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(served.Elapsed <= ActivationBound, $"the retrained version took {served.Elapsed.TotalSeconds:F1} s to reach every silo");
        }
        catch
        {
            foreach (var silo in silos.OfType<ServerProcess>()) output.WriteLine($"--- silo {silo.Address}\n{silo.OutputTail}");
            throw;
        }
        finally
        {
            foreach (var silo in silos) silo?.Dispose();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }

        Task<ServerProcess> Start(int i, string? model)
        {
            var folder = Path.Combine(root, $"silo{i}");
            Directory.CreateDirectory(folder);
            return ServerProcess.StartAsync(folder, model is null ? [] : ["--model", model], new Dictionary<string, string>
            {
                ["ENCORE_STORE__PATH"] = database.Location,
                ["ENCORE_MODELS__DIRECTORY"] = Path.Combine(folder, "models"),
                ["ENCORE_DATASET__BASE"] = BanditEndpointTests.Snapshot.Value,
                ["ENCORE_SECURITY__ADMIN_KEYS__0"] = TestServer.AdminKey,
                ["ENCORE_RETRAIN__ITERATIONS"] = "40",
                ["ENCORE_RETRAIN__TOLERANCE"] = "1",
                ["ENCORE_CLUSTER__MEMBERSHIP"] = database.Location,
                ["ENCORE_CLUSTER__CLUSTER_ID"] = clusterId,
                ["ENCORE_CLUSTER__SILO_PORT"] = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                ["ENCORE_CLUSTER__PROBE_TIMEOUT_SECONDS"] = "1",
                ["ENCORE_CLUSTER__MODEL_POLL_SECONDS"] = "1",
            });
        }
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Admin(HttpClient client, HttpMethod method, ServerProcess silo, string path, object? body) =>
        Send(client, method, silo, path, body, TestServer.AdminKey);

    private static Task<HttpResponseMessage> Write(HttpClient client, ServerProcess silo, string path, object body) =>
        Send(client, HttpMethod.Post, silo, path, body, TestServer.WriteKey);

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, ServerProcess silo, string path, object? body, string key)
    {
        using var request = new HttpRequestMessage(method, new Uri(silo.Address, path))
        {
            Content = body is null ? null : Json.Body(body),
            Headers = { { "X-Api-Key", key } },
        };
        return await client.SendAsync(request);
    }

    private static async Task WaitForFile(string path)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (clock.Elapsed > ActivationBound * 3) throw new TimeoutException($"{path} was not fetched from the store within {(ActivationBound * 3).TotalSeconds:F0} s");
            await Task.Delay(50);
        }
    }

    private static async Task WaitServedEverywhere(HttpClient client, ServerProcess?[] silos, int version)
    {
        var clock = Stopwatch.StartNew();
        foreach (var silo in silos)
        {
            while (true)
            {
                var answer = await Json.Read(await client.GetAsync(new Uri(silo!.Address, $"/api/users/{Uri.EscapeDataString(ModelFiles.User(0))}/recommendations?k=3")));
                if (answer.GetProperty("version").GetInt32() == version) break;
                if (clock.Elapsed > ActivationBound * 3) throw new TimeoutException($"silo {silo.Address} still serves version {answer.GetProperty("version")} instead of {version}");
                await Task.Delay(50);
            }
        }
    }
}
