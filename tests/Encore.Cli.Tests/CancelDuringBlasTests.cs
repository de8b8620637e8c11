using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Encore.Cli.Tests;

/// <summary>
/// Ctrl+C while EASE's dense inverse runs in OpenBLAS (s16-user, HetRec's 18,022 artists): the command printed
/// "cancelled (the command did not stop within 2 s)" and then ran on for minutes, since the forced exit ran OpenBLAS's
/// exit handler, which deadlocked joining its worker threads. Real processes, a real signal.
/// </summary>
[Collection("console")]
public sealed class CancelDuringBlasTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-cancel-blas-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Sigint_DuringEaseInverse_ExitsCancelledSoonAfterTheGrace()
    {
        if (!OperatingSystem.IsLinux()) return; // kill -INT
        // 14,000 items: a dense inverse of about 2.7 TFLOP, tens of seconds on two cores: far beyond the 2 s grace.
        var table = Path.Combine(_dir, "wide.tsv");
        var rows = new StringBuilder("user\titem\n");
        for (var u = 0; u < 2500; u++)
            for (var j = 0; j < 40; j++)
                rows.Append(CultureInfo.InvariantCulture, $"u{u}\ti{(u * 41 + j * 251) % 14000}\n");
        await File.WriteAllTextAsync(table, rows.ToString());
        var snapshot = Path.Combine(_dir, "wide");
        var (importCode, _) = await Run(["import", "table", table, "-o", snapshot, "--set", "user=user", "--set", "item=item"]);
        Assert.Equal(ExitCodes.Ok, importCode);

        var first = await SignalDuringFit(snapshot, "first.bin");
        if (first is null) return; // libopenblas0 absent: the managed inverse checks the cancellation itself
        // In two full-suite CI runs (every test assembly at once on two cores) the process ended with status 0 within
        // seconds of the signal, which no code path of encore gives for a cancelled fit; alone, and under CPU load, it
        // never did. One more attempt (only when no model was written) separates that from a fit that ignores the
        // signal, which writes its model or fails both.
        var retried = first.Value.Code == ExitCodes.Ok && !first.Value.ModelWritten;
        var (exited, code, after, text, written) = retried ? (await SignalDuringFit(snapshot, "second.bin"))!.Value : first.Value;
        var earlier = !retried ? "" : $"\n(first attempt: exit {first.Value.Code} {first.Value.After.TotalSeconds:0.0} s after SIGINT:\n{first.Value.Output})";
        Assert.True(exited, $"still running {after.TotalSeconds:0.0} s after SIGINT:\n{text}{earlier}");
        Assert.True(code == ExitCodes.Cancelled, $"exit {code} {after.TotalSeconds:0.0} s after SIGINT (expected {ExitCodes.Cancelled}):\n{text}{earlier}");
        Assert.False(written, $"a model was written though the fit was cancelled:\n{text}");
    }

    // Starts `train --model ease`, sends SIGINT half a second after training starts and waits up to 30 s for the exit;
    // null when the inverse would not run in OpenBLAS.
    private async Task<(bool Exited, int Code, TimeSpan After, string Output, bool ModelWritten)?> SignalDuringFit(string snapshot, string model)
    {
        var output = new StringBuilder();
        var training = new TaskCompletionSource();
        var path = Path.Combine(_dir, model);
        using var process = Start(["train", snapshot, "--model", "ease", "-o", path], line =>
        {
            lock (output) output.AppendLine(line);
            if (line.StartsWith("training ease", StringComparison.Ordinal)) training.TrySetResult();
        });
        await training.Task.WaitAsync(TimeSpan.FromMinutes(2));
        string text;
        lock (output) text = output.ToString();
        if (!text.Contains("with OpenBLAS", StringComparison.Ordinal))
        {
            process.Kill();
            return null;
        }

        await Task.Delay(500);
        Assert.False(process.HasExited, $"the fit ended (exit {(process.HasExited ? process.ExitCode : 0)}) before the signal was sent:\n{text}");
        var signalled = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
        var exited = await WaitForExit(process, TimeSpan.FromSeconds(30));
        var after = signalled.Elapsed;
        lock (output) text = output.ToString();
        return (exited, exited ? process.ExitCode : -1, after, text, File.Exists(path));
    }

    private static async Task<bool> WaitForExit(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            return false;
        }
    }

    private static Process Start(string[] args, Action<string> onLine)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "encore.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) onLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) onLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int Code, string Output)> Run(string[] args)
    {
        var output = new StringBuilder();
        using var process = Start(args, line => { lock (output) output.AppendLine(line); });
        await process.WaitForExitAsync();
        return (process.ExitCode, output.ToString());
    }
}
