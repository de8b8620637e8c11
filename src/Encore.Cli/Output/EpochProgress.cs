using System.Globalization;
using Encore.Models.Contract;

namespace Encore.Cli.Output;

/// <summary>
/// Prints one line per training epoch (epoch i/n, loss when the model computes it, elapsed) to stderr, so
/// stdout stays the command's result. Reports synchronously, in order (Progress&lt;T&gt; would post to the pool).
/// </summary>
internal sealed class EpochProgress(string model) : IProgress<EpochReport>
{
    public int Epochs { get; private set; }

    public double LastLoss { get; private set; } = double.NaN;

    public void Report(EpochReport value)
    {
        Epochs = value.Epoch;
        LastLoss = value.Loss;
        var loss = double.IsNaN(value.Loss) ? "" : string.Create(CultureInfo.InvariantCulture, $"  loss {value.Loss:G6}");
        var metric = value.ValidationMetric is { } m ? string.Create(CultureInfo.InvariantCulture, $"  validation {m:F4}") : "";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model}: epoch {value.Epoch}/{value.TotalEpochs}{loss}{metric}  {value.Elapsed.TotalSeconds:F1} s"));
    }
}
