using System.Diagnostics;
using System.Globalization;
using Encore.Core.Randomness;
using Encore.Models.Files;

namespace Encore.Bench.Service;

/// <summary>
/// Closed-loop HTTP load on loopback: the server runs in this process on 127.0.0.1, N client loops each
/// send GET /api/users/{random known user}/recommendations?k=10 back to back for a fixed time (after a
/// warm-up), and the latency of every request is kept to report throughput, p50, p90, p99, p99.9 and max,
/// and p99 / p99.9 corrected for coordinated omission (<see cref="LatencyPercentiles.Corrected"/>).
/// </summary>
internal static class LoadTest
{
    public static async Task RunAsync(int tracks, int factors, int concurrency, int seconds, int warmupSeconds)
    {
        var modelPath = ServiceWorld.ModelPath(tracks, factors);
        var users = ModelLoader.Load(modelPath).Users;
        var (server, address) = await BenchServer.StartAsync(modelPath, "run-");
        await using var app = server;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = address };

        await Phase(client, users, concurrency, warmupSeconds, seed: 1);
        var latencies = await Phase(client, users, concurrency, seconds, seed: 2);
        await app.StopAsync();
        Report(latencies, seconds, concurrency, tracks, factors);
    }

    private static async Task<long[][]> Phase(HttpClient client, Encore.Core.Ids.IdMap users, int concurrency, int seconds, ulong seed)
    {
        var end = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var loops = Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
        {
            var rng = Rng.Fork(seed, (ulong)c);
            var list = new List<long>(1 << 16);
            while (Stopwatch.GetTimestamp() < end)
            {
                var user = users[rng.NextInt(users.Count)];
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync($"/api/users/{Uri.EscapeDataString(user)}/recommendations?k=10");
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"request failed: {response.StatusCode}");
                list.Add(Stopwatch.GetTimestamp() - start);
            }
            return list.ToArray();
        })).ToArray();
        return await Task.WhenAll(loops);
    }

    private static void Report(long[][] perLoop, int seconds, int concurrency, int tracks, int factors)
    {
        var all = perLoop.SelectMany(l => l).ToArray();
        Array.Sort(all);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double P(double q) => Ms(LatencyPercentiles.At(all, q));
        var corrected = all.Length == 0 ? all : LatencyPercentiles.Corrected(all, Math.Max(1, LatencyPercentiles.At(all, 0.5)));
        double C(double q) => Ms(LatencyPercentiles.At(corrected, q));
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("| model | connections | time | requests | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | CO-corrected p99 / p99.9 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(inv, $"| {tracks} tracks x {factors} factors | {concurrency} | {seconds} s | {all.Length} | {all.Length / (double)seconds:F0} | {P(0.5):F2} | {P(0.9):F2} | {P(0.99):F2} | {P(0.999):F2} | {Ms(all[^1]):F1} | {C(0.99):F2} / {C(0.999):F2} |"));
    }
}
