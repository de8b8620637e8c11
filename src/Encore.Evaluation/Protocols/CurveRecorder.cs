using Encore.Evaluation.Runs;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Collects a trainer's <see cref="EpochReport"/>s as curve points ("loss", "validation", "seconds" per epoch)
/// synchronously, and forwards each report to an optional observer (a progress display).
/// </summary>
internal sealed class CurveRecorder(IProgress<EpochReport>? forward) : IProgress<EpochReport>
{
    private readonly List<CurvePoint> _points = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<CurvePoint> Points
    {
        get
        {
            lock (_gate) return [.. _points];
        }
    }

    public void Report(EpochReport value)
    {
        lock (_gate)
        {
            if (!double.IsNaN(value.Loss)) _points.Add(new CurvePoint(value.Epoch, "loss", value.Loss));
            if (value.ValidationMetric is { } v) _points.Add(new CurvePoint(value.Epoch, "validation", v));
            _points.Add(new CurvePoint(value.Epoch, "seconds", value.Elapsed.TotalSeconds));
        }
        forward?.Report(value);
    }
}
