using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Encore.Cli.Tests;

/// <summary>
/// SIGTERM to <c>encore serve</c> while it retrains (found by s13's newcomer: the retrain's connection was dropped, by
/// the command line's 2 s forced exit): a retrain that finishes within server.shutdown_grace_seconds is answered as
/// usual; one that would not is stopped just before the grace ends and answered 503 with the service's problem JSON.
/// Either way a restart on the same store serves what the answer said, with the stored feedback. Real processes,
/// a real signal.
/// </summary>
[Collection("console")]
public sealed class ServeShutdownTests() : TempFolderTest("encore-serve-shutdown-")
{
    private const string AdminKey = "admin-key-0123456789";
    private const string WriteKey = "write-key-0123456789";

    [Fact]
    public async Task Sigterm_RetrainLongerThanTheGrace_Answers503AndARestartServesThePreviousModel()
    {
        if (!OperatingSystem.IsLinux()) return; // kill -TERM
        var setup = await SetUp();
        // 1000 ALS iterations of 256 factors: minutes on this world, far beyond a 3 s grace.
        var settings = Settings(grace: 3, factors: 256, iterations: 1000);
        JsonElement before;
        string eventBody;
        await using (var server = await Server.StartAsync(Dir, setup, settings))
        {
            eventBody = await IngestOneEvent(server);
            before = await Models(server);
            var retrain = server.Send(HttpMethod.Post, "/api/models/main/retrain", AdminKey);
            await server.WaitForRetrainInProgress(retrain);
            var signalled = Stopwatch.StartNew();
            server.Terminate();

            using var response = await retrain;
            var answeredAfter = signalled.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter is not null, "no Retry-After");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Server shutting down", problem.GetProperty("title").GetString());
            Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(problem.TryGetProperty("requestId", out _));
            Assert.True(answeredAfter < TimeSpan.FromSeconds(3 + 10), $"answered {answeredAfter.TotalSeconds:0.0} s after SIGTERM");
            Assert.Equal(ExitCodes.Ok, await server.WaitForExit());
        }

        await using (var restarted = await Server.StartAsync(Dir, setup, settings))
        {
            Assert.Equal(before.GetRawText(), (await Models(restarted)).GetRawText());
            Assert.Equal(1, (await IngestAgain(restarted, eventBody)).GetProperty("duplicates").GetInt32());
        }
    }

    [Fact]
    public async Task Sigterm_RetrainWithinTheGrace_FinishesAndARestartServesItsResult()
    {
        if (!OperatingSystem.IsLinux()) return;
        var setup = await SetUp();
        var settings = Settings(grace: 240, factors: 64, iterations: 150);
        JsonElement result;
        string eventBody;
        await using (var server = await Server.StartAsync(Dir, setup, settings))
        {
            eventBody = await IngestOneEvent(server);
            var retrain = server.Send(HttpMethod.Post, "/api/models/main/retrain", AdminKey);
            await server.WaitForRetrainInProgress(retrain);
            server.Terminate();

            using var response = await retrain;
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            Assert.Equal("main", result.GetProperty("name").GetString());
            Assert.Equal(ExitCodes.Ok, await server.WaitForExit());
        }

        await using (var restarted = await Server.StartAsync(Dir, setup, settings))
        {
            var active = (await Models(restarted)).EnumerateArray().Single(m => m.GetProperty("name").GetString() == "main" && m.GetProperty("isActive").GetBoolean());
            if (result.GetProperty("activated").GetBoolean())
                Assert.Equal(result.GetProperty("version").GetInt32(), active.GetProperty("version").GetInt32());
            else Assert.Equal(1, active.GetProperty("version").GetInt32());
            Assert.Equal(1, (await IngestAgain(restarted, eventBody)).GetProperty("duplicates").GetInt32());
        }
    }

    private static Dictionary<string, string> Settings(int grace, int factors, int iterations) => new()
    {
        ["ENCORE_SERVER__SHUTDOWN_GRACE_SECONDS"] = grace.ToString(CultureInfo.InvariantCulture),
        ["ENCORE_RETRAIN__FACTORS"] = factors.ToString(CultureInfo.InvariantCulture),
        ["ENCORE_RETRAIN__ITERATIONS"] = iterations.ToString(CultureInfo.InvariantCulture),
    };

    // A tiny synthetic world as the base dataset and an ALS model trained on it, served as "main" version 1.
    private async Task<(string World, string Model)> SetUp()
    {
        var world = Path.Combine(Dir, "world");
        var model = Path.Combine(Dir, "als.bin");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("synth", "-o", world, "--preset", "tiny", "--seed", "7")).Code);
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("train", world, "--model", "als", "--set", "factors=8", "--set", "iterations=3", "-o", model)).Code);
        return (world, model);
    }

    private static async Task<string> IngestOneEvent(Server server)
    {
        using var popular = await server.Send(HttpMethod.Get, "/api/users/someone-new/recommendations?k=1", null);
        var track = JsonDocument.Parse(await popular.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0].GetProperty("track").GetString();
        var body = JsonSerializer.Serialize(new { eventId = "shutdown-test-1", user = "someone-new", track, kind = "play" });
        var first = await IngestAgain(server, body);
        Assert.Equal(1, first.GetProperty("accepted").GetInt32());
        return body;
    }

    private static async Task<JsonElement> IngestAgain(Server server, string body)
    {
        using var response = await server.Send(HttpMethod.Post, "/api/events", WriteKey, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> Models(Server server)
    {
        using var response = await server.Send(HttpMethod.Get, "/api/models", AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary><c>dotnet encore.dll serve</c> on a free loopback port, with the base dataset, the model and a SQLite store in the test folder.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _client;

        private Server(Process process, int port)
        {
            _process = process;
            _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        }

        public static async Task<Server> StartAsync(string folder, (string World, string Model) setup, Dictionary<string, string> settings)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "encore.dll"), "serve", "--urls", $"http://127.0.0.1:{port}",
                "--store", Path.Combine(folder, "service.db"), "--dataset", setup.World, "--model", setup.Model])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_TieredCompilation"] = "1"; // no re-exec: the signal goes to this process id either way
            start.Environment["ENCORE_RATE_LIMIT__ENABLED"] = "false";
            start.Environment["ENCORE_SECURITY__ADMIN_KEYS__0"] = AdminKey;
            start.Environment["ENCORE_SECURITY__API_KEYS__0"] = WriteKey;
            start.Environment["ENCORE_MODELS__DIRECTORY"] = Path.Combine(folder, "models");
            foreach (var (name, value) in settings) start.Environment[name] = value;
            var server = new Server(Process.Start(start)!, port);
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            using var probe = new HttpClient { BaseAddress = server._client.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            for (var attempt = 0; attempt < 1200 && !server._process.HasExited; attempt++)
            {
                try
                {
                    if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return server;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // not listening yet, or too busy starting to answer
                }
                await Task.Delay(100);
            }
            await server.DisposeAsync();
            throw new InvalidOperationException("encore serve never became ready");
        }

        public async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? key, string? json = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (key is not null) request.Headers.Add("X-Api-Key", key);
            if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            return await _client.SendAsync(request);
        }

        // The retrain is running once the HTTP metrics count it in progress (so the signal lands mid-request).
        public async Task WaitForRetrainInProgress(Task<HttpResponseMessage> retrain)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Assert.False(retrain.IsCompleted, "the retrain ended before the signal could be sent: make it longer");
                using var metrics = await Send(HttpMethod.Get, "/metrics", null);
                var text = await metrics.Content.ReadAsStringAsync();
                if (text.Split('\n').Any(l => l.StartsWith("http_requests_in_progress{", StringComparison.Ordinal) && l.Contains("retrain", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)))
                    return;
                await Task.Delay(50);
            }
            Assert.Fail("the retrain never showed as in progress");
        }

        public void Terminate()
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
            kill.WaitForExit();
        }

        public async Task<int> WaitForExit()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            _client.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
