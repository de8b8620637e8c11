using System.Globalization;
using Encore.Models.Files;

namespace Encore.Bench.Service;

/// <summary>
/// Bytes allocated per HTTP request (issue 14 item 4): the in-process server on loopback, requests one at a time
/// through one keep-alive HttpClient, <see cref="GC.GetTotalAllocatedBytes(bool)"/> (exact, every thread) over
/// <c>requests</c> calls after a warm-up. The same count of <c>GET /health/live</c> calls gives the cost of the
/// pipeline and the client alone; the difference is what the recommendation endpoint itself allocates per request.
/// Deterministic up to the runtime's own background allocations (run it twice; the figures agree to a few bytes).
/// </summary>
internal static class AllocationTest
{
    public static async Task RunAsync(int requests, int tracks, int factors)
    {
        var modelPath = ServiceWorld.ModelPath(tracks, factors);
        var users = ModelLoader.Load(modelPath).Users;
        var (server, address) = await BenchServer.StartAsync(modelPath, "alloc-");
        await using var app = server;
        using var client = new HttpClient { BaseAddress = address };
        var paths = Enumerable.Range(0, 256).Select(i => $"/api/users/{Uri.EscapeDataString(users[i * 7 % users.Count])}/recommendations?k=10").ToArray();
        var buffer = new byte[1 << 16];

        async Task<long> Measure(Func<int, string> path)
        {
            for (var i = 0; i < 500; i++) await Call(client, path(i), buffer);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < requests; i++) await Call(client, path(i), buffer);
            return (GC.GetTotalAllocatedBytes(precise: true) - before) / requests;
        }

        var live = await Measure(_ => "/health/live");
        var recommend = await Measure(i => paths[i % paths.Length]);
        await app.StopAsync();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("| request | bytes allocated per request (process) | minus GET /health/live |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| GET /health/live | {live:N0} | 0 |"));
        Console.WriteLine(string.Create(inv, $"| GET /api/users/{{id}}/recommendations?k=10 ({tracks} tracks x {factors} factors) | {recommend:N0} | {recommend - live:N0} |"));
        Console.WriteLine(string.Create(inv, $"({requests} sequential requests after 500 warm-up, one keep-alive HttpClient)"));
    }

    private static async Task Call(HttpClient client, string path, byte[] buffer)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync();
        while (await body.ReadAsync(buffer) > 0)
        {
        }
    }
}
