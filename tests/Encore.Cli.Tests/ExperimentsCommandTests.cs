using Encore.Data.Model;
using Encore.Online.Experiments;
using Encore.Online.Feedback;
using Encore.Online.Store;

namespace Encore.Cli.Tests;

/// <summary><c>experiments replay</c> over a service store with a recorded experiment, and <c>experiments simulate</c>.</summary>
[Collection("console")]
public sealed class ExperimentsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-experiments-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static StoredEvent Event(string user, string track, EventKind kind, long ms) => new(null, user, track, kind, ms, null, null);

    /// <summary>A store with experiment "e": u1 (control) saw t1,t2 and played t1; u2 (treatment) saw t3,t4, liked t3, skipped t4.</summary>
    private string Recorded(bool attributeOnline)
    {
        var path = Path.Combine(_dir, "service.db");
        using var store = OnlineStores.Open(path);
        store.Experiments.TryCreate(new ExperimentRecord(new AbExperiment
        {
            Name = "e",
            Variants = [new AbVariant("control", 0.5, Model: "a"), new AbVariant("treatment", 0.5, Model: "b")],
        }, ExperimentState.Draft, 1));
        store.Experiments.Transition("e", ExperimentState.Draft, ExperimentState.Running, 10);
        store.Experiments.RecordList(new ServedList("l1", "e", "control", "u1", ["t1", "t2"], 100));
        store.Experiments.RecordList(new ServedList("l2", "e", "treatment", "u2", ["t3", "t4"], 100));
        StoredEvent[] events = [Event("u1", "t1", EventKind.Play, 200), Event("u2", "t3", EventKind.Like, 200), Event("u2", "t4", EventKind.Skip, 300), Event("u3", "t1", EventKind.Play, 200)];
        store.Events.Insert(events);
        if (attributeOnline) store.Experiments.Attribute(events, (long)ExperimentService.AttributionWindow.TotalMilliseconds);
        store.Experiments.Transition("e", ExperimentState.Running, ExperimentState.Stopped, 400);
        return path;
    }

    [Fact]
    public async Task Replay_RecomputesTheReportFromListsAndEvents_AndAgreesWithOnline()
    {
        var (code, text, error) = await ConsoleCapture.RunAsync("experiments", "replay", "e", "--store", Recorded(attributeOnline: true), "--markdown");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("experiment e (stopped): 2 served lists, 3 events", text, StringComparison.Ordinal);
        Assert.Contains("| control | 1 | 2 | 1 | 0 | 0 | 0.5000", text, StringComparison.Ordinal);
        Assert.Contains("| treatment | 1 | 2 | 0 | 1 | 1 | 0.0000", text, StringComparison.Ordinal);
        Assert.Contains("| treatment | reward |", text, StringComparison.Ordinal);
        // One user per variant: no interval and no test (it used to print zero-width intervals).
        Assert.Contains("| control | 1 | 2 | 1 | 0 | 0 | 0.5000 [n/a] |", text, StringComparison.Ordinal);
        Assert.Contains("n/a: fewer than 2 users with impressions, so no variance or interval.", text, StringComparison.Ordinal);
        Assert.Contains("| treatment | play_rate | -0.5000 | – | – | not enough data: control has 1 unit with impressions; treatment has 1 unit with impressions; a variance needs at least 2 per group |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| significant", text, StringComparison.Ordinal);
        Assert.Contains("online attribution: the same counts for every variant.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_EventsNotAttributedOnline_SaysTheyDifferAndShowsBoth()
    {
        var (code, text, _) = await ConsoleCapture.RunAsync("experiments", "replay", "e", "--store", Recorded(attributeOnline: false));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("online attribution differs", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnknownExperimentOrStore_ExitsOneNamingIt()
    {
        var path = Recorded(attributeOnline: true);
        var (code, _, error) = await ConsoleCapture.RunAsync("experiments", "replay", "nope", "--store", path);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no experiment 'nope' (stored: e)", error, StringComparison.Ordinal);
        var (missing, _, missingError) = await ConsoleCapture.RunAsync("experiments", "replay", "e", "--store", Path.Combine(_dir, "absent.db"));
        Assert.Equal(ExitCodes.Usage, missing);
        Assert.Contains("absent.db: no such file", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_FewRepeats_PrintsBothRatesWithIntervals()
    {
        var (code, text, error) = await ConsoleCapture.RunAsync("experiments", "simulate", "--repeats", "3", "--users", "300", "--markdown");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("| identical (A/A): false positives |", text, StringComparison.Ordinal);
        Assert.Contains("| planted better: detected |", text, StringComparison.Ordinal);
    }
}
