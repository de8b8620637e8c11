using Encore.Online;
using Prometheus;

namespace Encore.Server.Http;

/// <summary>Prometheus metrics of the service beyond the HTTP request histogram (which UseHttpMetrics adds).</summary>
public static class ServerMetrics
{
    public static readonly Counter EventsIngested = Metrics.CreateCounter("encore_events_ingested_total", "Feedback events durably accepted (duplicates excluded).");

    public static readonly Counter Duplicates = Metrics.CreateCounter("encore_events_duplicate_total", "Feedback events refused as repeats of a client event id.");

    public static readonly Gauge ActiveModelVersion = Metrics.CreateGauge("encore_active_model_version", "Active version of each named model.", "model");

    /// <summary>Keeps the version gauge in step with the registry.</summary>
    public static void Track(OnlineEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        foreach (var model in engine.Registry.ActiveModels) ActiveModelVersion.WithLabels(model.Name).Set(model.Version);
        engine.Registry.Activated += (current, _) => ActiveModelVersion.WithLabels(current.Name).Set(current.Version);
    }
}
