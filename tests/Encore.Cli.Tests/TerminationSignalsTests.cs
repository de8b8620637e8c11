using System.Runtime.InteropServices;
using Encore.Core.Errors;

namespace Encore.Cli.Tests;

/// <summary>
/// Ctrl+C handling. Session 12: `timeout -s INT 0.95 encore stats data/piki` (the signal landing as the command
/// finished) crashed with exit 134 and System.CommandLine's "transition a task to a final state" stack trace.
/// </summary>
[Collection("console")]
public sealed class TerminationSignalsTests() : TempFolderTest("encore-signals-")
{
    [Fact]
    public async Task Handle_FirstSignal_CancelsTheTokenKeepsTheProcessAndEndsTheGraceOnce()
    {
        var expired = new TaskCompletionSource();
        var calls = 0;
        using var sut = TerminationSignals.Unregistered(TimeSpan.Zero, () =>
        {
            Interlocked.Increment(ref calls);
            expired.TrySetResult();
        });
        var context = new PosixSignalContext(PosixSignal.SIGINT);

        sut.Handle(context);
        await expired.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(context.Cancel);
        Assert.True(sut.Token.IsCancellationRequested);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Handle_SecondSignal_LeavesTheDefaultTermination()
    {
        using var sut = TerminationSignals.Unregistered(TimeSpan.FromDays(1), () => { });
        sut.Handle(new PosixSignalContext(PosixSignal.SIGINT));
        var second = new PosixSignalContext(PosixSignal.SIGTERM);

        sut.Handle(second);

        Assert.False(second.Cancel);
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeTheWrite_ExitsCancelledAndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var output = Path.Combine(Dir, "world");

        var (code, _, error) = await ConsoleCapture.RunAsync(() => EncoreCli.RunAsync(["synth", "-o", output, "--preset", "tiny"], cancelled.Token));

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("error: cancelled.", error.Trim());
        Assert.False(Directory.Exists(output));
    }
}
