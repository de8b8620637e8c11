using System.Diagnostics.Metrics;
using Encore.Online;
using Encore.Online.Serving;
using Prometheus;

namespace Encore.Server.Http;

/// <summary>Prometheus metrics of the service beyond the HTTP request histogram (which UseHttpMetrics adds).</summary>
public static class ServerMetrics
{
    public static readonly Counter EventsIngested = Metrics.CreateCounter("encore_events_ingested_total", "Feedback events durably accepted (duplicates excluded).");

    public static readonly Counter Duplicates = Metrics.CreateCounter("encore_events_duplicate_total", "Feedback events refused as repeats of a client event id.");

    public static readonly Gauge ActiveModelVersion = Metrics.CreateGauge("encore_active_model_version", "Active version of each named model.", "model");

    /// <summary>Requests per scoring call of the request batcher (<see cref="ServingMetrics.BatchSize"/>): 1 = scored alone.</summary>
    public static readonly Histogram BatchSize = Metrics.CreateHistogram("encore_serving_batch_size", "Requests scored together by one call of the request batcher.",
        new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64] });

    private static readonly MeterListener Listener = ListenToServing();

    /// <summary>Keeps the version gauge in step with the registry.</summary>
    public static void Track(OnlineEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        GC.KeepAlive(Listener);
        foreach (var model in engine.Registry.ActiveModels) ActiveModelVersion.WithLabels(model.Name).Set(model.Version);
        engine.Registry.Activated += (current, _) => ActiveModelVersion.WithLabels(current.Name).Set(current.Version);
    }

    // Forwards the serving meter's batch sizes to the Prometheus histogram (no other listener work per measurement).
    private static MeterListener ListenToServing()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServingMetrics.MeterName && instrument.Name == "encore.serving.batch_size") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => BatchSize.Observe(value));
        listener.Start();
        return listener;
    }
}
