using System.Runtime.InteropServices;

namespace Encore.Core.Errors;

/// <summary>
/// Ctrl+C handling of the command-line programs: the first SIGINT / SIGTERM cancels <see cref="Token"/> (the
/// command stops at its next check and exits <see cref="ProcessExit.Cancelled"/>; writes are atomic, so nothing is
/// half-written); if the command has not returned within the grace period, the process exits with
/// <see cref="ProcessExit.Cancelled"/> anyway, at once (<see cref="ImmediateExit"/>); a second signal terminates at once.
/// It replaces System.CommandLine's own handler (set its <c>ProcessTerminationTimeout</c> to null): a signal that
/// arrived after the command had finished but before the process ended crashed that one with "An attempt was made
/// to transition a task to a final state when it had already completed" (exit 134 and a stack trace).
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TimeSpan _grace;
    private readonly Action _graceExpired;

    private TerminationSignals(bool register, TimeSpan grace, Action graceExpired)
    {
        _grace = grace;
        _graceExpired = graceExpired;
        _registrations = register ? [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)] : [];
    }

    /// <summary>The grace period of <see cref="Register()"/>: System.CommandLine's default, so scripts see the same timing.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(2);

    /// <summary>Handles SIGINT and SIGTERM until disposed; after the grace period the process exits 130.</summary>
    public static TerminationSignals Register() => Register(DefaultGrace);

    /// <summary>As <see cref="Register()"/> with another grace period (a server lets running requests finish first).</summary>
    /// <param name="grace">Time from the first signal to the forced exit.</param>
    public static TerminationSignals Register(TimeSpan grace) => new(register: true, grace, () =>
    {
        Console.Error.WriteLine($"error: cancelled (the command did not stop within {grace.TotalSeconds:0} s).");
        // Not Environment.Exit: its native exit handlers can block (OpenBLAS's deadlocked under EASE's inverse).
        ImmediateExit.Now(ProcessExit.Cancelled);
    });

    /// <summary>An instance that registers nothing, for tests that call <see cref="Handle"/> themselves.</summary>
    /// <param name="grace">Time from the first signal to <paramref name="graceExpired"/>.</param>
    /// <param name="graceExpired">What happens when the command has not returned in time (the process exit, in <see cref="Register()"/>).</param>
    public static TerminationSignals Unregistered(TimeSpan grace, Action graceExpired) => new(register: false, grace, graceExpired);

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal cancels <see cref="Token"/>, keeps the process alive and starts the grace period; later ones keep the default (terminate).</summary>
    /// <param name="context">The signal; its <c>Cancel</c> is set for the first one only.</param>
    public void Handle(PosixSignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_cancel.IsCancellationRequested) return;
        context.Cancel = true;
        _cancel.Cancel();
        _ = Task.Delay(_grace).ContinueWith(_ => _graceExpired(), TaskScheduler.Default);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
