using System.Globalization;
using Encore.Models.Contract;

namespace Encore.Cli.Output;

/// <summary>
/// Training progress of one model (<c>encore train</c>): a live line on a terminal, rewritten at every
/// epoch (<see cref="ModelProgressLine"/>), nothing per epoch in a pipe; <see cref="Summary"/> gives the
/// one line to print at the end (epochs run and the last loss). Reports synchronously, in order.
/// </summary>
internal sealed class EpochProgress(string model, bool? live = null) : IProgress<EpochReport>
{
    private readonly ModelProgressLine _line = new(live);

    public int Epochs { get; private set; }

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
    }
}
