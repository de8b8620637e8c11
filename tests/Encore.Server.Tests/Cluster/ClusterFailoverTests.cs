using System.Diagnostics;
using System.Globalization;
using System.Net;
using Encore.Online.Store;
using Xunit.Abstractions;

namespace Encore.Server.Tests.Cluster;

/// <summary>
/// Three <c>Encore.Server</c> processes form an Orleans cluster on loopback over one PostgreSQL (membership and
/// store). A client streams feedback (with event ids, a failed post retried on the next silo) and recommendation
/// requests through all three while one silo is SIGKILLed and later restarted on the same ports.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    /// <summary>
    /// The stated bound: a request to a live silo may fail only within this time after the kill (Orleans must
    /// first declare the killed silo dead: probe timeout 1 s x 3 missed probes, then re-place its grains) or within
    /// this time after the restart began (the new silo joins and grains move).
    /// </summary>
    private static readonly TimeSpan FailureWindow = TimeSpan.FromSeconds(30);

    /// <summary>A model activated on one silo serves on every silo within this time (poll 1 s + load).</summary>
    private static readonly TimeSpan ActivationBound = TimeSpan.FromSeconds(10);

    private const int SiloCount = 3;
    private const int Killed = 1;

    [PostgresFact]
    public async Task ThreeSilos_OneKilledAndRestarted_AcknowledgedEventsStoredOnce_FailuresBounded()
    {
        using var database = new PostgresSchemaScope();
        var folder = Path.Combine(Path.GetTempPath(), "encore-cluster-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cluster = new LoopbackCluster(database.Location, folder, "t" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var clock = Stopwatch.StartNew();
            // All three start together: they create the schemas once (migration lock); silo 0 registers and activates
            // the model, the others pick it up from the shared registry (model poll) and only then report ready.
            var started = await Task.WhenAll(cluster.StartAsync(0, ModelFiles.Als), cluster.StartAsync(1), cluster.StartAsync(2));
            for (var i = 0; i < SiloCount; i++) cluster.Silos[i] = started[i];
            output.WriteLine($"3 silos ready after {clock.Elapsed.TotalSeconds:F1} s");

            using var traffic = new Traffic(cluster);
            using var stop = new CancellationTokenSource();
            var running = Task.Run(() => traffic.RunAsync(stop.Token));
            await Task.Delay(TimeSpan.FromSeconds(4));
            // Marked down before the kill: a request in flight to it fails at once and must count as hitting the down silo.
            traffic.Down = Killed;
            traffic.KilledAt = traffic.Now;
            cluster.Silos[Killed]!.Kill();
            await Task.Delay(TimeSpan.FromSeconds(8));
            traffic.RestartedAt = traffic.Now;
            cluster.Silos[Killed]!.Dispose();
            cluster.Silos[Killed] = await cluster.StartAsync(Killed);
            traffic.Down = -1;
            traffic.ReadyAgainAt = traffic.Now;
            await Task.Delay(TimeSpan.FromSeconds(4));
            await stop.CancelAsync();
            await running;

            output.WriteLine(traffic.Summary());
            var late = traffic.Failures.Where(f => !traffic.WithinWindow(f.At, FailureWindow)).ToList();
            Assert.True(late.Count == 0, $"{late.Count} requests to live silos failed outside the stated window: " +
                string.Join("; ", late.Take(5).Select(f => $"{f.At:F1} s silo {f.Silo} {f.What}")));
            Assert.True(traffic.AcknowledgedIds.Count > 100, $"only {traffic.AcknowledgedIds.Count} events acknowledged");

            using (var store = OnlineStores.Open(database.Location))
            {
                var stored = store.Events.ReadAll().Where(e => e.EventId is not null).GroupBy(e => e.EventId!).ToDictionary(g => g.Key, g => g.Count());
                var lost = traffic.AcknowledgedIds.Where(id => !stored.ContainsKey(id)).ToList();
                var doubled = stored.Where(kv => kv.Value > 1).Select(kv => kv.Key).ToList();
                output.WriteLine($"store: {stored.Count} distinct event ids, acknowledged {traffic.AcknowledgedIds.Count}, lost {lost.Count}, doubled {doubled.Count}");
                Assert.Empty(lost);
                Assert.Empty(doubled);
                Assert.Equal(traffic.AcknowledgedIds.Count, stored.Count);
            }

            var activation = await cluster.ActivateEverywhereAsync(ModelFiles.Knn);
            output.WriteLine($"model version 2 activated on silo 0 served by every silo after {activation.TotalSeconds:F1} s");
            Assert.True(activation <= ActivationBound, $"activation took {activation.TotalSeconds:F1} s to reach every silo");
        }
        catch
        {
            foreach (var silo in cluster.Silos.OfType<ServerProcess>()) output.WriteLine($"--- silo {silo.Address}\n{silo.OutputTail}");
            throw;
        }
        finally
        {
            foreach (var silo in cluster.Silos) silo?.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>Three silo slots with fixed HTTP and silo ports (a restarted silo keeps both).</summary>
    private sealed class LoopbackCluster(string location, string folder, string clusterId)
    {
        private readonly int[] _http = [.. Enumerable.Range(0, SiloCount).Select(_ => ServerProcess.FreePort())];
        private readonly int[] _silo = [.. Enumerable.Range(0, SiloCount).Select(_ => ServerProcess.FreePort())];

        public ServerProcess?[] Silos { get; } = new ServerProcess?[SiloCount];

        public Uri Address(int i) => new($"http://127.0.0.1:{_http[i]}");

        public Task<ServerProcess> StartAsync(int i, string? model = null) => ServerProcess.StartAsync(folder, model is null ? [] : ["--model", model],
            new Dictionary<string, string>
            {
                ["ENCORE_STORE__PATH"] = location,
                ["ENCORE_MODELS__DIRECTORY"] = Path.Combine(folder, "models"),
                ["ENCORE_SECURITY__ADMIN_KEYS__0"] = TestServer.AdminKey,
                ["ENCORE_CLUSTER__MEMBERSHIP"] = location,
                ["ENCORE_CLUSTER__CLUSTER_ID"] = clusterId,
                ["ENCORE_CLUSTER__SILO_PORT"] = _silo[i].ToString(CultureInfo.InvariantCulture),
                ["ENCORE_CLUSTER__PROBE_TIMEOUT_SECONDS"] = "1",
                ["ENCORE_CLUSTER__RESPONSE_TIMEOUT_SECONDS"] = "5",
                ["ENCORE_CLUSTER__MODEL_POLL_SECONDS"] = "1",
            }, _http[i]);

        /// <summary>Registers and activates <paramref name="model"/> as version 2 on silo 0; the time until every silo serves it.</summary>
        public async Task<TimeSpan> ActivateEverywhereAsync(string model)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var register = new HttpRequestMessage(HttpMethod.Post, new Uri(Address(0), "/api/models"))
            {
                Content = Json.Body(new { name = "main", path = model, activate = true }),
                Headers = { { "X-Api-Key", TestServer.AdminKey } },
            };
            var clock = Stopwatch.StartNew();
            var response = await client.SendAsync(register);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var version = (await Json.Read(response)).GetProperty("version").GetInt32();
            for (var i = 0; i < SiloCount; i++)
            {
                while (true)
                {
                    var answer = await Json.Read(await client.GetAsync(new Uri(Address(i), $"/api/users/{Uri.EscapeDataString(ModelFiles.User(0))}/recommendations?k=3")));
                    if (answer.GetProperty("version").GetInt32() == version) break;
                    if (clock.Elapsed > ActivationBound * 2) return clock.Elapsed;
                    await Task.Delay(100);
                }
            }
            return clock.Elapsed;
        }
    }

    private sealed record Failure(double At, int Silo, string What);

    /// <summary>The client: rounds of one feedback post (retried on the next silo until acknowledged) and one recommendation request.</summary>
    private sealed class Traffic(LoopbackCluster cluster) : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(20) };
        private int _posts;
        private int _recommendations;
        private int _toDownSilo;

        public HashSet<string> AcknowledgedIds { get; } = new(StringComparer.Ordinal);

        public List<Failure> Failures { get; } = [];

        /// <summary>The silo that is down (-1: none).</summary>
        public volatile int Down = -1;

        public double KilledAt { get; set; } = double.NaN;

        public double RestartedAt { get; set; } = double.NaN;

        public double ReadyAgainAt { get; set; } = double.NaN;

        public double Now => _clock.Elapsed.TotalSeconds;

        public bool WithinWindow(double at, TimeSpan window) =>
            (at >= KilledAt && at <= KilledAt + window.TotalSeconds) || (at >= RestartedAt && at <= ReadyAgainAt + window.TotalSeconds);

        public async Task RunAsync(CancellationToken stop)
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var silo = round % SiloCount;
                // Half the users are known to the model (its fast path), half are new (fold-in of what the grain holds).
                var user = round % 2 == 0 ? ModelFiles.User(round % 40) : $"cluster-new-{round % 40}";
                var ids = new[] { $"r{round}-a", $"r{round}-b" };
                await PostUntilAcknowledged(silo, user, ids, round);
                await Recommend((silo + 1) % SiloCount, user);
            }
        }

        private async Task PostUntilAcknowledged(int first, string user, string[] ids, int round)
        {
            var started = Now;
            for (var attempt = 0; ; attempt++)
            {
                var silo = (first + attempt) % SiloCount;
                var body = ids.Select((id, j) => new { eventId = id, user, track = ModelFiles.Track((round * 7 + j) % 300), kind = j == 0 ? "play" : "like" }).ToArray();
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster.Address(silo), "/api/events"))
                {
                    Content = Json.Body(body),
                    Headers = { { "X-Api-Key", TestServer.WriteKey } },
                };
                var outcome = await Send(request);
                _posts++;
                if (outcome is null)
                {
                    foreach (var id in ids) AcknowledgedIds.Add(id);
                    return;
                }
                Record(Now, silo, "POST /api/events: " + outcome);
                if (Now - started > 60) throw new InvalidOperationException($"events of round {round} were never acknowledged in 60 s: {outcome}");
                await Task.Delay(100); // the client backs off a little, as a real one would (503 carries Retry-After)
            }
        }

        private async Task Recommend(int silo, string user)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(cluster.Address(silo), $"/api/users/{Uri.EscapeDataString(user)}/recommendations?k=5"));
            var outcome = await Send(request);
            _recommendations++;
            if (outcome is not null) Record(Now, silo, "GET recommendations: " + outcome);
        }

        /// <param name="at">When the failure was seen (seconds since the traffic started).</param>
        private void Record(double at, int silo, string what)
        {
            // A request to the silo that is down fails by design (the client moves on); only live silos count.
            if (silo == Down)
            {
                _toDownSilo++;
                return;
            }
            Failures.Add(new Failure(at, silo, what));
        }

        /// <summary>Null when the answer is 200, else what went wrong.</summary>
        private async Task<string?> Send(HttpRequestMessage request)
        {
            try
            {
                using var response = await _client.SendAsync(request);
                return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                return ex.Message;
            }
            catch (TaskCanceledException)
            {
                return "timeout";
            }
        }

        public void Dispose() => _client.Dispose();

        public string Summary()
        {
            var window = Failures.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                $", from {Failures.Min(f => f.At) - KilledAt:F1} to {Failures.Max(f => f.At) - KilledAt:F1} s after the kill");
            return string.Create(CultureInfo.InvariantCulture,
                $"{_posts} posts, {_recommendations} recommendation requests in {Now:F1} s; silo {Killed} killed at {KilledAt:F1} s, restart began {RestartedAt:F1} s, ready {ReadyAgainAt:F1} s; {_toDownSilo} requests hit the down silo; {Failures.Count} failed on live silos{window}");
        }
    }
}
