using System.Globalization;
using Encore.Models.Contract;

namespace Encore.Cli.Output;

/// <summary>
/// Training progress of a sequence of models on stderr: on a terminal, one live line per model rewritten in
/// place at every epoch ("als  epoch 7/15  loss 0.0123  1.4 s") and replaced by the model's summary when it
/// finishes; in a pipe or file, no epoch lines at all, only the summary line per model.
/// </summary>
internal sealed class ModelProgressLine : IProgress<(string Model, EpochReport Epoch)>
{
    private readonly bool _live;
    private bool _dirty;

    /// <param name="live">Rewrite a live line; default: stderr is a terminal.</param>
    public ModelProgressLine(bool? live = null) => _live = live ?? !Console.IsErrorRedirected;

    public void Report((string Model, EpochReport Epoch) value)
    {
        if (!_live) return;
        var (model, epoch) = value;
        var loss = double.IsNaN(epoch.Loss) ? "" : string.Create(CultureInfo.InvariantCulture, $"  loss {epoch.Loss:G4}");
        var text = string.Create(CultureInfo.InvariantCulture, $"{model}  epoch {epoch.Epoch}/{epoch.TotalEpochs}{loss}  {epoch.Elapsed.TotalSeconds:F1} s");
        // Carriage return, then erase the line (ANSI EL2): the next write starts from a clean line.
        Console.Error.Write("\r\u001b[2K" + text);
        _dirty = true;
    }

    /// <summary>Ends the model's live line with its summary (the only line in a pipe).</summary>
    public void Finish(string summary)
    {
        Console.Error.WriteLine(_dirty ? "\r\u001b[2K" + summary : summary);
        _dirty = false;
    }
}
