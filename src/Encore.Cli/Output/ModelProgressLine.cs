using System.Globalization;
using Encore.Models.Contract;

namespace Encore.Cli.Output;

/// <summary>
/// Training and evaluation progress of a sequence of models on stderr. On a terminal, one live line per model
/// rewritten in place at every epoch ("als  epoch 7/15  loss 0.0123  1.4 s") and replaced by the model's summary
/// when it finishes. In a pipe or file, a plain line at most every <see cref="Interval"/> ("ease  step 2/4  14.0 s")
/// and then the summary line. Between reports a heartbeat repeats the current step with the elapsed time, so a
/// step that reports nothing for minutes (EASE's inverse, a kNN similarity pass, scoring many users) is never
/// silent: the live line keeps ticking, a pipe gets a line every interval.
/// </summary>
internal sealed class ModelProgressLine : IProgress<(string Model, EpochReport Epoch)>, IProgress<(string Model, string Step)>, IDisposable
{
    /// <summary>Environment variable that sets <see cref="Interval"/> in seconds (0: a line for every report; docs/cli.md).</summary>
    public const string IntervalVariable = "ENCORE_PROGRESS_SECONDS";

    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    private readonly bool _live;
    private readonly TextWriter? _writer;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenRegistration _stopRegistration;
    private ITimer? _heartbeat;
    private bool _stopped;
    private string? _model;
    private string _state = "";
    private long _started;
    private long _lastWrite;
    private bool _dirty;

    /// <param name="live">Rewrite a live line; default: stderr is a terminal.</param>
    /// <param name="writer">Where to write; default <see cref="Console.Error"/> at the time of each write.</param>
    /// <param name="interval">Least time between plain lines and the heartbeat's period; default <see cref="IntervalVariable"/> or 5 s.</param>
    /// <param name="time">Clock of the heartbeat (tests pass a fake one).</param>
    /// <param name="stopOn">The command's cancellation (Ctrl+C): from then on no heartbeat and no progress line is written, though
    /// a fit inside a native call (EASE's inverse) may take up to 2 s more to stop.</param>
    public ModelProgressLine(bool? live = null, TextWriter? writer = null, TimeSpan? interval = null, TimeProvider? time = null,
        CancellationToken stopOn = default)
    {
        _live = live ?? !Console.IsErrorRedirected;
        _writer = writer;
        _time = time ?? TimeProvider.System;
        Interval = interval ?? IntervalFromEnvironment();
        _stopRegistration = stopOn.Register(Stop);
    }

    /// <summary>Least time between two plain lines, and the heartbeat's period (zero: a line for every report, no heartbeat).</summary>
    public TimeSpan Interval { get; }

    private TextWriter Output => _writer ?? Console.Error;

    public void Report((string Model, EpochReport Epoch) value)
    {
        var (model, epoch) = value;
        var loss = double.IsNaN(epoch.Loss) ? "" : string.Create(CultureInfo.InvariantCulture, $"  loss {epoch.Loss:G4}");
        var unit = double.IsNaN(epoch.Loss) ? "step" : "epoch";
        lock (_gate)
        {
            Begin(model);
            _state = string.Create(CultureInfo.InvariantCulture, $"{unit} {epoch.Epoch}/{epoch.TotalEpochs}{loss}");
            Write();
        }
    }

    /// <summary>The model's current step ("fitting", "evaluating 1,882 users"): shown now and repeated by the heartbeat.</summary>
    public void Report((string Model, string Step) value)
    {
        lock (_gate)
        {
            Begin(value.Model);
            _state = value.Step;
            Write();
        }
    }

    /// <summary>Ends the model's progress with its summary (the only line of a quick model in a pipe) and stops the heartbeat.</summary>
    public void Finish(string summary)
    {
        lock (_gate)
        {
            _heartbeat?.Dispose();
            _heartbeat = null;
            _model = null;
            Output.WriteLine(_dirty ? "\r\u001b[2K" + summary : summary);
            _dirty = false;
        }
    }

    public void Dispose()
    {
        _stopRegistration.Dispose();
        lock (_gate)
        {
            _heartbeat?.Dispose();
            _heartbeat = null;
        }
    }

    // Cancelled: the heartbeat stops at once and stays stopped (a report that comes after does not restart it).
    private void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _heartbeat?.Dispose();
            _heartbeat = null;
        }
    }

    // A new model restarts the clock and the heartbeat; further reports of the same model keep them.
    private void Begin(string model)
    {
        if (string.Equals(model, _model, StringComparison.Ordinal)) return;
        _model = model;
        _started = _time.GetTimestamp();
        // A pipe gets no line before one interval has passed: a quick model prints only its summary, as before.
        _lastWrite = _started;
        _heartbeat?.Dispose();
        _heartbeat = Interval > TimeSpan.Zero && !_stopped ? _time.CreateTimer(_ => Beat(), null, Interval, Interval) : null;
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (_model is not null && !_stopped) Write();
        }
    }

    private void Write()
    {
        if (_stopped) return;
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_started, now);
        var text = string.Create(CultureInfo.InvariantCulture, $"{_model}  {_state}  {elapsed.TotalSeconds:F1} s");
        if (_live)
        {
            // Carriage return, then erase the line (ANSI EL2): the next write starts from a clean line.
            Output.Write("\r\u001b[2K" + text);
            _dirty = true;
            return;
        }
        if (Interval > TimeSpan.Zero && _time.GetElapsedTime(_lastWrite, now) < Interval) return;
        _lastWrite = now;
        Output.WriteLine(text);
    }

    private static TimeSpan IntervalFromEnvironment() =>
        double.TryParse(Environment.GetEnvironmentVariable(IntervalVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : DefaultInterval;
}
