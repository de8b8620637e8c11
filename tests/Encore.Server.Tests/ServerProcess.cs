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
    private readonly Queue<string> _output = new();

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the server on a SQLite store with one model; <paramref name="environment"/> adds ENCORE_* variables.</summary>
    public static Task<ServerProcess> StartAsync(string storePath, string modelPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["ENCORE_STORE__PATH"] = storePath,
            ["ENCORE_MODELS__DIRECTORY"] = Path.Combine(Path.GetDirectoryName(storePath)!, "models"),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) variables[name] = value;
        return StartAsync(Path.GetDirectoryName(storePath)!, ["--model", modelPath], variables);
    }

    /// <summary>Starts the server with extra arguments and ENCORE_* variables (write key set, plain logs, warnings only).</summary>
    /// <param name="folder">Working folder.</param>
    /// <param name="arguments">Arguments after --urls.</param>
    /// <param name="environment">Variables added to (or overriding) the defaults.</param>
    /// <param name="port">HTTP port (default a free one); a restarted silo keeps its port.</param>
    public static async Task<ServerProcess> StartAsync(string folder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var http = port ?? FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Encore.Server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[] { "exec", dll, "--urls", $"http://127.0.0.1:{http}" }.Concat(arguments)) info.ArgumentList.Add(arg);
        info.Environment["ENCORE_SECURITY__API_KEYS__0"] = TestServer.WriteKey;
        info.Environment["ENCORE_SERVER__JSON_LOGS"] = "false";
        info.Environment["ENCORE_LOGGING__LOG_LEVEL__DEFAULT"] = "Warning";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server process");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{http}"));
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string OutputTail
    {
        get
        {
            lock (_output) return string.Join("\n", _output);
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 40) _output.Dequeue();
        }
    }

    /// <summary>SIGTERM: the host's graceful shutdown (server.shutdown_grace_seconds). Linux only.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>The exit code, once the process has ended (at most <paramref name="timeout"/>).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; only what was committed survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitReadyAsync()
    {
        // Generous: on a shared 2-core machine under load a cold start (JIT, schema, silo join) can take a minute.
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"server process exited with code {_process.ExitCode}:\n{OutputTail}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but too busy starting to answer within the client timeout.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"server process did not become ready in {ReadyTimeout.TotalSeconds} s:\n{OutputTail}");
    }

    public static int FreePort()
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
