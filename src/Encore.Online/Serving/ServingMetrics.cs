using System.Diagnostics.Metrics;

namespace Encore.Online.Serving;

/// <summary>
/// The serving path's own instruments (System.Diagnostics.Metrics, meter "Encore.Serving"); the HTTP service
/// publishes them on /metrics with its Prometheus exporter (prometheus-net's meter adapter), e.g.
/// <c>encore_serving_batch_size</c> as a histogram.
/// </summary>
public static class ServingMetrics
{
    /// <summary>The meter name, for listeners and exporters.</summary>
    public const string MeterName = "Encore.Serving";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// Requests answered by one scoring call of the request batcher (1 = scored alone). Under load it shows whether
    /// concurrent requests are coalesced; recorded once per call, not per request.
    /// </summary>
    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("encore.serving.batch_size", "{request}",
        "Requests scored together by one call of the request batcher.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });
}
