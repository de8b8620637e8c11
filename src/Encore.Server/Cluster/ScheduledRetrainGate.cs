namespace Encore.Server.Cluster;

/// <summary>
/// The retraining singleton's guard for scheduled runs: every silo's schedule ticks once per retrain interval, so
/// with N silos the singleton is asked N times per interval. A tick is granted only when events arrived since the
/// last retrain and no tick was granted within the last 0.9 intervals (the slack absorbs timer drift between
/// silos), so the cluster retrains on schedule about once per interval, not once per silo.
/// </summary>
/// <param name="time">Clock.</param>
/// <param name="interval">retrain.interval_minutes (positive).</param>
public sealed class ScheduledRetrainGate(TimeProvider time, TimeSpan interval)
{
    private DateTimeOffset? _granted;

    /// <summary>True (and remembered) when this tick may retrain.</summary>
    /// <param name="hasNewEvents">Whether events arrived since the last retrain of the singleton's silo.</param>
    public bool TryClaim(bool hasNewEvents)
    {
        var now = time.GetUtcNow();
        if (_granted is { } last && now - last < interval * 0.9) return false;
        if (!hasNewEvents) return false;
        _granted = now;
        return true;
    }
}
