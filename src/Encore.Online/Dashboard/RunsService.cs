using Encore.Evaluation.Reports;
using Encore.Evaluation.Runs;

namespace Encore.Online.Dashboard;

/// <summary>
/// Read-only access to the experiment store for the dashboard: run lists, one run, and HTML reports. The
/// store is optional: without one (or before its file exists) lists say why they are empty and lookups are
/// 404s. The file is never created here; it is opened once it exists.
/// </summary>
public sealed class RunsService
{
    /// <summary>Most runs one report may hold.</summary>
    public const int MaxReportRuns = 50;

    /// <summary>Largest <c>last</c> of a list.</summary>
    public const int MaxList = 10_000;

    private readonly string? _path;
    private readonly Lock _gate = new();
    private readonly bool _postgres;
    private IRunStore? _store;

    /// <param name="path">The store file or PostgreSQL URI (runs.path), or null / empty when none is configured.</param>
    public RunsService(string? path)
    {
        _postgres = Encore.Evaluation.Postgres.PostgresLocation.IsPostgres(path);
        _path = string.IsNullOrWhiteSpace(path) ? null : _postgres ? path : Path.GetFullPath(path);
    }

    /// <summary>Runs matching the filters, oldest first (the newest <paramref name="last"/> when given).</summary>
    public RunList List(string? model = null, string? sweep = null, int? last = null)
    {
        if (last is < 1 or > MaxList) throw OnlineRequestException.Invalid("last", $"is {last}; expected 1..{MaxList}.");
        var store = Store();
        if (store is null) return new RunList(false, FileName, Unavailable, []);
        var runs = Read(() => store.List(new RunQuery { Model = Blank(model), SweepId = Blank(sweep), Last = last }));
        return new RunList(true, FileName, null, [.. runs.Select(RunViews.Summary)]);
    }

    /// <summary>One run without per-user values; 404 when the id is unknown or no store is readable.</summary>
    public RunDetail Get(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw OnlineRequestException.Invalid("id", "is empty; expected a run id.");
        return RunViews.Detail(Find(id));
    }

    /// <summary>The self-contained HTML report (<see cref="HtmlReport.Render"/>) of 1..50 runs, in the order given.</summary>
    public string Report(IReadOnlyList<string>? ids)
    {
        var distinct = (ids ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) throw OnlineRequestException.Invalid("ids", "is empty; expected run ids, e.g. ids=a,b,c.");
        if (distinct.Count > MaxReportRuns) throw OnlineRequestException.Invalid("ids", $"has {distinct.Count} run ids; a report takes at most {MaxReportRuns}.");
        var store = Store() ?? throw OnlineRequestException.NotFound("ids", Unavailable);
        var runs = new List<ExperimentRun>(distinct.Count);
        var unknown = new List<string>();
        foreach (var id in distinct)
        {
            if (Read(() => store.Get(id)) is { } run) runs.Add(run);
            else unknown.Add(id);
        }
        if (unknown.Count > 0) throw OnlineRequestException.NotFound("ids", $"no run with id {string.Join(", ", unknown.Select(u => $"'{u}'"))} in the experiment store.");
        return HtmlReport.Render(runs, new ReportOptions { Title = runs.Count == 1 ? $"Encore run {runs[0].Id}" : $"Encore report of {runs.Count} runs" });
    }

    private ExperimentRun Find(string id)
    {
        var store = Store() ?? throw OnlineRequestException.NotFound("id", Unavailable);
        return Read(() => store.Get(id)) ?? throw OnlineRequestException.NotFound("id", $"no run with id '{id}' in the experiment store.");
    }

    // A configured file that is not a readable run store is the operator's problem: say so (409), never a 500.
    private T Read<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or Encore.Core.Errors.EncoreException or InvalidDataException or IOException)
        {
            throw new OnlineRequestException(RequestProblem.Conflict, "runs.path", $"The experiment store '{FileName}' cannot be read: {ex.Message}");
        }
    }

    private string? FileName => _path is null ? null : _postgres ? Encore.Evaluation.Postgres.PostgresLocation.Redact(_path) : Path.GetFileName(_path);

    private string Unavailable => _path is null
        ? "No experiment store is configured: set runs.path (ENCORE_RUNS__PATH) to the file written by encore evaluate or encore demo."
        : $"The experiment store '{FileName}' does not exist yet: run encore evaluate (or encore demo) to record runs.";

    // Opened lazily so a store written after the service started is picked up; never created here.
    private IRunStore? Store()
    {
        if (_path is null) return null;
        lock (_gate)
        {
            if (_store is null && (_postgres || File.Exists(_path))) _store = Read(() => RunStores.Open(_path));
            return _store;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
