using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Encore.Server.Tests;

/// <summary>
/// The server as a separate process (dotnet Encore.Server.dll from the test's output folder) on a free
/// loopback port, configured through ENCORE_* environment variables, so a test can kill it hard.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string storePath, string modelPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Encore.Server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(storePath)!,
        };
        foreach (var arg in new[] { "exec", dll, "--urls", $"http://127.0.0.1:{port}", "--model", modelPath }) info.ArgumentList.Add(arg);
        info.Environment["ENCORE_STORE__PATH"] = storePath;
        info.Environment["ENCORE_MODELS__DIRECTORY"] = Path.Combine(Path.GetDirectoryName(storePath)!, "models");
        info.Environment["ENCORE_SECURITY__API_KEYS__0"] = TestServer.WriteKey;
        info.Environment["ENCORE_SERVER__JSON_LOGS"] = "false";
        info.Environment["ENCORE_LOGGING__LOG_LEVEL__DEFAULT"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server process");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; only what was committed survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"server process exited with code {_process.ExitCode}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("server process did not become ready in 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
