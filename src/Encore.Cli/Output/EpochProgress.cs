using System.Globalization;
using Encore.Models.Contract;

namespace Encore.Cli.Output;

/// <summary>
/// Training progress of one model (<c>encore train</c>) through a <see cref="ModelProgressLine"/>: a live line on a
/// terminal, rewritten at every epoch, a plain line every few seconds in a pipe (with a heartbeat through steps that
/// report nothing); <see cref="Finish"/> prints the one line at the end (epochs run and the last loss).
/// Reports synchronously, in order. Cancelling <paramref name="stopOn"/> stops the heartbeat and every later line.
/// </summary>
internal sealed class EpochProgress(string model, bool? live = null, CancellationToken stopOn = default, TextWriter? writer = null,
    TimeSpan? interval = null, TimeProvider? time = null) : IProgress<EpochReport>, IDisposable
{
    private readonly ModelProgressLine _line = new(live, writer, interval, time, stopOn);

    public int Epochs { get; private set; }

    /// <summary>Starts the clock and the heartbeat before the fit (which may report nothing for minutes).</summary>
    public void Start() => _line.Report((model, "fitting"));

    public double LastLoss { get; private set; } = double.NaN;

    public void Report(EpochReport value)
    {
        Epochs = value.Epoch;
        LastLoss = value.Loss;
        _line.Report((model, value));
    }

    /// <summary>Ends the live line with "model: n epochs, last loss x" (or just the model name when it has no epochs).</summary>
    public void Finish()
    {
        var loss = double.IsNaN(LastLoss) ? "" : string.Create(CultureInfo.InvariantCulture, $", last loss {LastLoss:G6}");
        _line.Finish(Epochs > 0 ? $"{model}: {Epochs} epochs{loss}" : $"{model}: fitted");
        _line.Dispose();
    }

    /// <summary>Stops the heartbeat when the fit failed or was cancelled before <see cref="Finish"/>.</summary>
    public void Dispose() => _line.Dispose();
}
