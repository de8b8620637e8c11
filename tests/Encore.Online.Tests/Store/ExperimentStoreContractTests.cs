using Encore.Data.Model;
using Encore.Online.Experiments;
using Encore.Online.Feedback;
using Encore.Online.Store;

namespace Encore.Online.Tests.Store;

/// <summary>The experiment tables' contract (<see cref="IExperimentStore"/>), once per store kind of <see cref="TestStores.Kinds"/>.</summary>
public sealed class ExperimentStoreContractTests
{
    public static TheoryData<string> Kinds => TestStores.Kinds();

    private static ExperimentRecord Draft(string name, long created = 1_000) => new(new AbExperiment
    {
        Name = name,
        Salt = name + "-salt",
        Variants = [new AbVariant("control", 0.25, Model: "main"), new AbVariant("treatment", 0.75, Model: "candidate")],
    }, ExperimentState.Draft, created);

    private static StoredEvent Event(string user, string track, EventKind kind, long ms) => new(null, user, track, kind, ms, null, null);

    [Theory, MemberData(nameof(Kinds))]
    public void Experiments_CreateFindAll_RoundTripEveryFieldAndRefuseARepeatedName(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        Assert.Null(sut.Experiments.Find("a"));
        Assert.Empty(sut.Experiments.All());
        Assert.True(sut.Experiments.TryCreate(Draft("a", 1_000)));
        Assert.True(sut.Experiments.TryCreate(Draft("b", 2_000)));
        Assert.False(sut.Experiments.TryCreate(Draft("a", 3_000)));
        var a = sut.Experiments.Find("a")!;
        Assert.Equal(("a", "a-salt", ExperimentState.Draft, 1_000L), (a.Name, a.Experiment.Salt, a.State, a.CreatedMs));
        Assert.Equal(Draft("a").Experiment.Variants, a.Experiment.Variants);
        Assert.Equal((null, null, null), (a.StartedMs, a.StoppedMs, a.PromotedVariant));
        Assert.Equal(["b", "a"], sut.Experiments.All().Select(e => e.Name));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Experiments_Transition_IsCompareAndSetAndAllowsOneRunning(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        sut.Experiments.TryCreate(Draft("a"));
        sut.Experiments.TryCreate(Draft("b"));
        Assert.Null(sut.Experiments.Transition("a", ExperimentState.Running, ExperimentState.Stopped, 5));
        var running = sut.Experiments.Transition("a", ExperimentState.Draft, ExperimentState.Running, 10, onlyIfNoneRunning: true)!;
        Assert.Equal((ExperimentState.Running, 10L, (long?)null), (running.State, running.StartedMs!.Value, running.StoppedMs));
        Assert.Null(sut.Experiments.Transition("b", ExperimentState.Draft, ExperimentState.Running, 11, onlyIfNoneRunning: true));
        Assert.Equal(ExperimentState.Draft, sut.Experiments.Find("b")!.State);
        var stopped = sut.Experiments.Transition("a", ExperimentState.Running, ExperimentState.Stopped, 20)!;
        Assert.Equal((ExperimentState.Stopped, 10L, 20L), (stopped.State, stopped.StartedMs!.Value, stopped.StoppedMs!.Value));
        Assert.NotNull(sut.Experiments.Transition("b", ExperimentState.Draft, ExperimentState.Running, 21, onlyIfNoneRunning: true));
        var promoted = sut.Experiments.Transition("a", ExperimentState.Stopped, ExperimentState.Promoted, 30, "treatment")!;
        Assert.Equal((ExperimentState.Promoted, 30L, "treatment"), (promoted.State, promoted.StoppedMs!.Value, promoted.PromotedVariant));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Experiments_ReplaceAndDelete_TouchOnlyADraft(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        sut.Experiments.TryCreate(Draft("a", 1_000));
        sut.Experiments.TryCreate(Draft("b", 2_000));
        var corrected = Draft("a").Experiment with { Salt = "new-salt", Variants = [new AbVariant("control", 0.5, Model: "main"), new AbVariant("knn", 0.5, Model: "knn")] };
        var replaced = sut.Experiments.TryReplaceDraft(corrected)!;
        Assert.Equal(("new-salt", ExperimentState.Draft, 1_000L), (replaced.Experiment.Salt, replaced.State, replaced.CreatedMs));
        Assert.Equal(corrected.Variants, sut.Experiments.Find("a")!.Experiment.Variants);
        Assert.Null(sut.Experiments.TryReplaceDraft(corrected with { Name = "missing" }));

        sut.Experiments.Transition("b", ExperimentState.Draft, ExperimentState.Running, 10, onlyIfNoneRunning: true);
        Assert.Null(sut.Experiments.TryReplaceDraft(Draft("b").Experiment with { Salt = "x" }));
        Assert.Equal("b-salt", sut.Experiments.Find("b")!.Experiment.Salt);
        Assert.False(sut.Experiments.TryDeleteDraft("b"));
        Assert.False(sut.Experiments.TryDeleteDraft("missing"));
        Assert.True(sut.Experiments.TryDeleteDraft("a"));
        Assert.Null(sut.Experiments.Find("a"));
        Assert.Equal(["b"], sut.Experiments.All().Select(e => e.Name));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Experiments_RecordList_KeepsTracksInOrderAndRefusesARepeatedId(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        sut.Experiments.RecordList(new ServedList("l1", "a", "control", "u1", ["t3", "t1", "t2"], 100));
        sut.Experiments.RecordList(new ServedList("l2", "a", "treatment", "u2", [], 200));
        sut.Experiments.RecordList(new ServedList("l3", "other", "control", "u1", ["t9"], 300));
        Assert.Throws<ArgumentException>(() => sut.Experiments.RecordList(new ServedList("l1", "a", "control", "u1", ["t4"], 400)));
        var lists = sut.Experiments.Lists("a");
        Assert.Equal(["l1", "l2"], lists.Select(l => l.ListId));
        Assert.Equal(["t3", "t1", "t2"], lists[0].Tracks);
        Assert.Equal(("control", "u1", 100L), (lists[0].Variant, lists[0].User, lists[0].ServedMs));
        Assert.Empty(lists[1].Tracks);
        Assert.Equal([new OutcomeCount("u1", ImpressionOutcome.None, 3)], sut.Experiments.OutcomeCounts("a", "control"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Experiments_Attribute_MarksTheNewestListInTheWindowOncePerKind(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        sut.Experiments.RecordList(new ServedList("old", "a", "control", "u", ["t1", "t2"], 1_000));
        sut.Experiments.RecordList(new ServedList("new", "a", "control", "u", ["t1"], 5_000));
        sut.Experiments.RecordList(new ServedList("v", "a", "treatment", "w", ["t1"], 5_000));
        var attributed = sut.Experiments.Attribute(
        [
            Event("u", "t1", EventKind.Play, 6_000),  // newest list showing t1: "new"
            Event("u", "t1", EventKind.Play, 6_500),  // the same kind again: still one played impression
            Event("u", "t1", EventKind.Like, 7_000),
            Event("u", "t2", EventKind.Skip, 7_000),  // only "old" showed t2; 6 s earlier, inside the window
            Event("u", "t1", EventKind.Play, 500),    // before every list
            Event("u", "t2", EventKind.Play, 20_000), // "old" is 19 s earlier: outside the 10 s window
            Event("u", "t9", EventKind.Play, 6_000),  // never shown
            Event("u", "t1", EventKind.Rating, 6_000), // not an attributed kind
        ], windowMs: 10_000);
        Assert.Equal(4, attributed);
        Assert.Equal(
            [
                new OutcomeCount("u", ImpressionOutcome.None, 1),
                new OutcomeCount("u", ImpressionOutcome.Played | ImpressionOutcome.Liked, 1),
                new OutcomeCount("u", ImpressionOutcome.Skipped, 1),
            ],
            sut.Experiments.OutcomeCounts("a", "control"));
        Assert.Equal([new OutcomeCount("w", ImpressionOutcome.None, 1)], sut.Experiments.OutcomeCounts("a", "treatment"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Experiments_SurviveReopening(string kind)
    {
        using var scope = new StoreScope(kind);
        using (var first = scope.OpenOnline())
        {
            first.Experiments.TryCreate(Draft("a"));
            first.Experiments.Transition("a", ExperimentState.Draft, ExperimentState.Running, 10);
            first.Experiments.RecordList(new ServedList("l1", "a", "control", "u", ["t1"], 100));
            first.Experiments.Attribute([Event("u", "t1", EventKind.Like, 200)], 1_000);
        }
        using var second = scope.OpenOnline();
        Assert.Equal(ExperimentState.Running, second.Experiments.Find("a")!.State);
        Assert.Equal([new OutcomeCount("u", ImpressionOutcome.Liked, 1)], second.Experiments.OutcomeCounts("a", "control"));
    }
}
