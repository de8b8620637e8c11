using System.Diagnostics;
using System.Globalization;
using Encore.Core.Randomness;

namespace Encore.Bench.Service;

/// <summary>
/// Open-loop (constant-rate) HTTP load, latency corrected for coordinated omission by construction, as wrk2 does
/// (G. Tene, "How NOT to measure latency"): request i is due at t0 + i / rate whatever happened before it, and its
/// latency is measured from that intended send time to the end of its response body. A server stall therefore
/// shows in every request that was due during it (they wait in the client's queue for one of the connections),
/// instead of being recorded once as in a closed loop. GET /api/users/{random user}/recommendations?k=10 over at
/// most <c>connections</c> keep-alive connections to a running server (e.g. <c>encore serve</c>, started by
/// bench/wrk/run.sh with RATES set). Prints one Markdown row: target and achieved rate, p50 / p90 / p99 / p99.9 /
/// max, errors, and the mean lag of the sends behind their due times (the generator's own timer granularity, about
/// 1 ms at most; it is included in the latencies).
/// </summary>
internal static class ConstantRateTest
{
    /// <summary>Runs a warm-up, then the measured phase, and prints the row (header first when asked).</summary>
    /// <param name="baseAddress">The server, e.g. http://127.0.0.1:5099.</param>
    /// <param name="usersFile">User ids, one a line.</param>
    /// <param name="rate">Requests per second (&gt; 0).</param>
    /// <param name="seconds">Measured seconds.</param>
    /// <param name="warmupSeconds">Seconds at the same rate before, not reported.</param>
    /// <param name="connections">Most concurrent connections (requests beyond wait in the client, their wait counted).</param>
    /// <param name="header">Print the table header first.</param>
    public static async Task RunAsync(Uri baseAddress, string usersFile, double rate, int seconds, int warmupSeconds, int connections, bool header)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        var users = File.ReadAllLines(usersFile).Where(l => l.Length > 0).ToArray();
        if (users.Length == 0) throw new InvalidDataException($"{usersFile}: no user ids (one id a line expected).");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (warmupSeconds > 0) _ = await Phase(client, users, rate, warmupSeconds, seed: 1);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var result = await Phase(client, users, rate, seconds, seed: 2);
        Report(result, rate, connections, load, header);
    }

    private sealed record PhaseResult(long[] Latencies, int Errors, double MeanLagMs, double ElapsedSeconds);

    private static async Task<PhaseResult> Phase(HttpClient client, string[] users, double rate, int seconds, ulong seed)
    {
        var count = (int)Math.Min(int.MaxValue / 2, rate * seconds);
        var latencies = new long[count];
        var errors = 0;
        long lag = 0;
        var rng = Rng.Fork(seed, 0);
        var inFlight = new Task[count];
        var frequency = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        // Each wake-up sends every request due by now, then sleeps about 1 ms (the timer's resolution): no core is
        // spent spinning on a machine the server shares. A late send is not hidden: its latency counts from its due time.
        while (next < count)
        {
            var now = Stopwatch.GetTimestamp();
            for (; next < count; next++)
            {
                var due = start + (long)(next / rate * frequency);
                if (due > now) break;
                lag += now - due;
                var user = users[rng.NextInt(users.Length)];
                inFlight[next] = Send(client, user, due, latencies, next, () => Interlocked.Increment(ref errors));
            }
            if (next < count) await Task.Delay(1);
        }
        await Task.WhenAll(inFlight);
        var elapsed = (Stopwatch.GetTimestamp() - start) / frequency;
        return new PhaseResult(latencies, errors, lag * 1000.0 / frequency / Math.Max(1, count), elapsed);
    }

    private static async Task Send(HttpClient client, string user, long due, long[] latencies, int slot, Action onError)
    {
        await Task.Yield(); // the dispatcher goes on to the next due time at once
        try
        {
            using var response = await client.GetAsync($"/api/users/{Uri.EscapeDataString(user)}/recommendations?k=10");
            _ = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode) onError();
        }
        catch (HttpRequestException)
        {
            onError();
        }
        catch (TaskCanceledException)
        {
            onError();
        }
        latencies[slot] = Stopwatch.GetTimestamp() - due;
    }

    private static void Report(PhaseResult r, double rate, int connections, string load, bool header)
    {
        var sorted = (long[])r.Latencies.Clone();
        Array.Sort(sorted);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double P(double q) => Ms(LatencyPercentiles.At(sorted, q));
        if (header)
        {
            Console.WriteLine("| target req/s | connections | requests | achieved req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | mean send lag ms | load average (1 min) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rate:F0} | {connections} | {sorted.Length} | {sorted.Length / r.ElapsedSeconds:F0} | {P(0.5):F2} | {P(0.9):F2} | {P(0.99):F2} | {P(0.999):F2} | {Ms(sorted[^1]):F1} | {r.Errors} | {r.MeanLagMs:F2} | {load} |"));
    }
}
