using Encore.Models.Contract;

namespace Encore.Online.Dashboard;

/// <summary>
/// Read-only views the dashboard needs beyond the public API: dataset overviews, a user's history, track
/// labels, the model list without paths, and the live ingestion / latency series.
/// </summary>
public sealed class DashboardService
{
    /// <summary>Longest history list returned.</summary>
    public const int MaxHistory = 500;

    /// <summary>Most ids one label lookup may carry.</summary>
    public const int MaxLabels = 1000;

    private const int TopTracks = 20;
    private const int MaxDays = 730;

    private readonly OnlineEngine _engine;
    private readonly Lazy<DatasetOverview?> _baseOverview;
    private readonly Lazy<BaseUserIndex?> _baseUsers;
    private readonly TrackLabeller _labeller;

    public DashboardService(OnlineEngine engine, TimeProvider? time = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Live = new LiveMonitor(() => engine.Feedback.AcceptedCount, time);
        // The base dataset never changes while the service runs: its overview and user index are built once.
        _baseOverview = new(() => engine.BaseDataset.Dataset is { } d ? BaseOverviewBuilder.Build(d, TopTracks, MaxDays) : null);
        _baseUsers = new(() => engine.BaseDataset.Dataset is { } d ? new BaseUserIndex(d) : null);
        _labeller = new TrackLabeller(engine.Store, () => engine.BaseDataset.Dataset);
    }

    /// <summary>Request latency and ingestion counters (fed by the host's request pipeline).</summary>
    public LiveMonitor Live { get; }

    /// <summary>The overviews available: the store's always, the base dataset's when one is configured.</summary>
    public IReadOnlyList<DatasetOverview> Overview()
    {
        var store = StoreOverviewBuilder.Build(_engine.Store, TopTracks, MaxDays);
        return _baseOverview.Value is { } b ? [store, b] : [store];
    }

    /// <summary>
    /// The live charts' last <paramref name="window"/> seconds in steps of <paramref name="step"/> seconds
    /// (<see cref="LiveMonitor.Snapshot"/>). Out-of-range values are refused rather than clamped, so a client never reads
    /// a window it did not ask for as the one it asked for.
    /// </summary>
    /// <exception cref="OnlineRequestException">Invalid: window outside 1..<see cref="LiveMonitor.Seconds"/> - 1, or step outside 1..window.</exception>
    public LiveSnapshot LiveWindow(int window = 300, int step = 5)
    {
        if (window is < 1 or >= LiveMonitor.Seconds) throw OnlineRequestException.Invalid("window", $"is {window}; expected 1..{LiveMonitor.Seconds - 1} seconds.");
        if (step < 1 || step > window) throw OnlineRequestException.Invalid("step", $"is {step}; expected 1..{window} seconds (at most the window).");
        return Live.Snapshot(window, step);
    }

    /// <summary>The user's tracks from both sources, most events first, cut to <paramref name="limit"/>.</summary>
    public UserHistory History(string? user, int limit = 50)
    {
        if (string.IsNullOrWhiteSpace(user)) throw OnlineRequestException.Invalid("id", "is empty; expected a user id.");
        if (limit is < 1 or > MaxHistory) throw OnlineRequestException.Invalid("limit", $"is {limit}; expected 1..{MaxHistory}.");
        return UserHistoryBuilder.Build(user, _engine.Events, _baseUsers.Value, _labeller, limit);
    }

    /// <summary>Titles and artists of <paramref name="ids"/> (unknown ids come back with nulls).</summary>
    public IReadOnlyList<TrackLabel> Labels(IReadOnlyList<string>? ids)
    {
        if (ids is null || ids.Count == 0) return [];
        if (ids.Count > MaxLabels) throw OnlineRequestException.Invalid("ids", $"has {ids.Count} ids; expected at most {MaxLabels}.");
        var labels = _labeller.Label(ids);
        return [.. ids.Distinct(StringComparer.Ordinal).Select(id => labels[id])];
    }

    /// <summary>Every registered model version, newest registration last, without file paths.</summary>
    public IReadOnlyList<DashboardModel> Models() =>
        [.. _engine.Registry.List().Select(v =>
        {
            var active = _engine.Registry.Active(v.Name) is { } s && s.Version == v.Version ? s.Model : null;
            return new DashboardModel(v.Name, v.Version, v.Kind, Path.GetFileName(v.Path), v.EvaluationRunId, v.Note, v.RegisteredMs, v.IsActive,
                active is IExplainer, active is ISimilarItems);
        })];
}
