namespace Encore.Online.Dashboard;

/// <summary>One step of the live charts.</summary>
/// <param name="TimeMs">Unix ms of the step's start.</param>
/// <param name="EventsIngested">Events accepted during the step.</param>
/// <param name="Requests">API requests finished during the step.</param>
/// <param name="P50Ms">Median request latency (upper edge of its log bin), null when no request.</param>
/// <param name="P95Ms">95th percentile latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
public sealed record LivePoint(long TimeMs, long EventsIngested, long Requests, double? P50Ms, double? P95Ms, double? P99Ms);

/// <summary>The live charts' data: one point per step over the window, oldest first, plus totals since start.</summary>
public sealed record LiveSnapshot(long NowMs, int StepSeconds, long TotalEventsIngested, long TotalRequests, IReadOnlyList<LivePoint> Points);
