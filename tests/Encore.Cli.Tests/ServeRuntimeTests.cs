using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Encore.Cli.Tests;

/// <summary>
/// <c>encore serve</c> re-executing itself with tiered compilation on (<see cref="ServeRuntime"/>): which command
/// lines do, the environment and argument vector, and a real process: same process id, the variables visible in
/// /proc, SIGTERM still stops the server with exit code 0, the user's own setting wins.
/// </summary>
public sealed class ServeRuntimeTests() : TempFolderTest("encore-serve-runtime-")
{
    [Theory]
    [InlineData(new[] { "serve" }, true)]
    [InlineData(new[] { "serve", "--urls", "http://127.0.0.1:5080", "--model", "a.bin" }, true)]
    [InlineData(new[] { "serve", "--help" }, false)]
    [InlineData(new[] { "serve", "-h" }, false)]
    [InlineData(new[] { "bench", "fit", "split", "--model", "als" }, false)]
    [InlineData(new[] { "train", "serve" }, false)]
    [InlineData(new string[0], false)]
    public void IsServe_CommandLines(string[] args, bool expected) => Assert.Equal(expected, ServeRuntime.IsServe(args));

    [Fact]
    public void ServeEnvironment_VariableUnset_AddsTieringOnAndQuickJitOffKeepingTheRest()
    {
        var env = ServeRuntime.ServeEnvironment(new Dictionary<string, string> { ["PATH"] = "/bin", ["ENCORE_STORE"] = "x.db" });

        Assert.NotNull(env);
        Assert.Equal("1", env["DOTNET_TieredCompilation"]);
        Assert.Equal("0", env["DOTNET_TC_QuickJit"]);
        Assert.Equal("/bin", env["PATH"]);
        Assert.Equal("x.db", env["ENCORE_STORE"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("")]
    public void ServeEnvironment_VariableSetToAnything_NoReexec(string value) =>
        Assert.Null(ServeRuntime.ServeEnvironment(new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = value }));

    [Fact]
    public void Argv_Apphost_ExecutableThenArguments() =>
        Assert.Equal(["/tools/encore", "serve", "--urls", "u"], ServeRuntime.Argv("/tools/encore", "/tools/.store/encore.dll", ["serve", "--urls", "u"]));

    [Fact]
    public void Argv_DotnetMuxer_MuxerAssemblyThenArguments() =>
        Assert.Equal(["/usr/share/dotnet/dotnet", "/app/encore.dll", "serve"], ServeRuntime.Argv("/usr/share/dotnet/dotnet", "/app/encore.dll", ["serve"]));

    [Fact]
    public async Task Serve_VariableUnset_SameProcessRunsWithTieringOnAndStopsOnSigterm()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc and execve: the re-exec is Linux / macOS only
        var (environ, exitCode) = await RunServerAsync(tiering: null);

        Assert.Contains("DOTNET_TieredCompilation=1", environ);
        Assert.Contains("DOTNET_TC_QuickJit=0", environ);
        Assert.Equal(ExitCodes.Ok, exitCode);
    }

    [Fact]
    public async Task Serve_VariableSetByUser_KeptAsIs()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (environ, exitCode) = await RunServerAsync(tiering: "0");

        Assert.Contains("DOTNET_TieredCompilation=0", environ);
        Assert.DoesNotContain("DOTNET_TC_QuickJit=0", environ);
        Assert.Equal(ExitCodes.Ok, exitCode);
    }

    [Fact]
    public async Task Serve_BadConfigurationAfterReexec_ExitCodeAndMessageReachTheCaller()
    {
        var config = Path.Combine(Dir, "bad.toml");
        await File.WriteAllTextAsync(config, "[serving]\nmax_k = 0\n");
        var start = Start(["serve", "--config", config, "--urls", "http://127.0.0.1:0", "--store", Path.Combine(Dir, "s.db")], tiering: null);
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Contains("serving.max_k", error, StringComparison.Ordinal);
    }

    // Starts `dotnet encore.dll serve` on a free loopback port, waits until it answers, reads its environment from
    // /proc (after the re-exec it is the server's), stops it with SIGTERM and returns the environment and exit code.
    private async Task<(string[] Environ, int ExitCode)> RunServerAsync(string? tiering)
    {
        var port = FreePort();
        using var process = Process.Start(Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--store", Path.Combine(Dir, "s.db")], tiering))!;
        process.BeginOutputReadLine(); // drained, so the server's log never fills the pipe
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var ready = false;
            for (var attempt = 0; attempt < 600 && !ready && !process.HasExited; attempt++)
            {
                try
                {
                    ready = (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"))).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    await Task.Delay(100); // not listening yet, or too slow to answer on a loaded machine
                }
            }
            Assert.True(ready, "the server never answered /health/live");
            var environ = (await File.ReadAllTextAsync($"/proc/{process.Id}/environ")).Split('\0');
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            return (environ, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    private ProcessStartInfo Start(string[] args, string? tiering)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "encore.dll"), .. args])
        {
            WorkingDirectory = Dir,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("DOTNET_TieredCompilation");
        start.Environment.Remove("DOTNET_TC_QuickJit");
        if (tiering is not null) start.Environment["DOTNET_TieredCompilation"] = tiering;
        start.Environment["ENCORE_RATE_LIMIT__ENABLED"] = "false";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
