using Encore.Data.Model;
using Encore.Online.Catalogue;
using Encore.Online.Feedback;
using Encore.Online.Store;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Online.Tests.Store;

/// <summary>
/// The one contract every online store backend passes (STYLE rule 13): each test runs once per store kind in
/// <see cref="TestStores.Kinds"/> (SQLite always, PostgreSQL when ENCORE_TEST_POSTGRES is set or CI=true).
/// </summary>
public sealed class StoreContractTests
{
    public static TheoryData<string> Kinds => TestStores.Kinds();

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private static StoredEvent Event(string? id, string user, string track, EventKind kind = EventKind.Play, long ts = 1_000, double? value = null, string? session = null) =>
        new(id, user, track, kind, ts, value, session);

    [Theory, MemberData(nameof(Kinds))]
    public void Events_InsertThenReadAll_RoundTripsEveryFieldInArrivalOrder(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        var events = new[]
        {
            Event("a", "u1", "t1", EventKind.Play, 1_700_000_000_000, 0.5, "s1"),
            Event(null, "u2", "t2", EventKind.Rating, 5, 4.5),
            Event("c", "u1", "t3", EventKind.Skip),
        };
        var outcomes = sut.Events.Insert(events);
        Assert.All(outcomes, o => Assert.Equal(EventOutcome.Accepted, o));
        Assert.Equal(events, sut.Events.ReadAll());
        Assert.Equal(3, sut.Events.Count());
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Events_RepeatedClientId_IsDuplicateWithinAndAcrossBatches(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        var first = sut.Events.Insert([Event("x", "u", "t1"), Event("x", "u", "t2"), Event(null, "u", "t3"), Event(null, "u", "t3")]);
        var second = sut.Events.Insert([Event("x", "u", "t9"), Event("y", "u", "t4")]);
        Assert.Equal([EventOutcome.Accepted, EventOutcome.Duplicate, EventOutcome.Accepted, EventOutcome.Accepted], first);
        Assert.Equal([EventOutcome.Duplicate, EventOutcome.Accepted], second);
        Assert.Equal(["t1", "t3", "t3", "t4"], sut.Events.ReadAll().Select(e => e.Track));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Events_EmptyStore_CountsZero(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        Assert.Equal(0, sut.Events.Count());
        Assert.Equal(0, sut.Events.LastSequence());
        Assert.Empty(sut.Events.ReadAll());
        Assert.Empty(sut.Events.HistoryOf("nobody", 10));
        Assert.Empty(sut.Events.Insert([]));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Events_HistoryOf_GivesTheNewestLimitOldestFirst(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        for (var i = 0; i < 6; i++) sut.Events.Insert([Event($"e{i}", i % 2 == 0 ? "even" : "odd", $"t{i}")]);
        Assert.Equal(["t2", "t4"], sut.Events.HistoryOf("even", 2).Select(e => e.Track));
        Assert.Equal(["t1", "t3", "t5"], sut.Events.HistoryOf("odd", 10).Select(e => e.Track));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Events_LastSequence_GrowsWithEveryAcceptedEventOnly(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        sut.Events.Insert([Event("a", "u", "t")]);
        var one = sut.Events.LastSequence();
        sut.Events.Insert([Event("a", "u", "t")]);
        Assert.True(one > 0);
        sut.Events.Insert([Event("b", "u", "t")]);
        Assert.True(sut.Events.LastSequence() > one);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Events_ConcurrentWritersOfOverlappingIds_StoreEachIdExactlyOnce(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        // Four writers each send ids 0..199 in batches of 20 (in a different order): every id is accepted once.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            var accepted = 0;
            var ids = Enumerable.Range(0, 200).Select(i => (i * (2 * w + 1)) % 200).ToArray();
            foreach (var chunk in ids.Chunk(20))
                accepted += sut.Events.Insert([.. chunk.Select(i => Event($"id{i}", $"u{i % 7}", $"t{i}"))]).Count(o => o == EventOutcome.Accepted);
            return accepted;
        })).ToArray();
        var total = (await Task.WhenAll(writers)).Sum();
        Assert.Equal(200, total);
        Assert.Equal(200, sut.Events.Count());
        Assert.Equal(200, sut.Events.ReadAll().Select(e => e.EventId).Distinct().Count());
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Catalogue_Upsert_CreatesThenUpdatesAndCounts(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        var created = sut.Catalogue.UpsertTracks([new TrackUpdate { Id = "t1", Title = "One", Genres = ["rock", "pop"], DurationMs = 200_000 }, new TrackUpdate { Id = "t2" }], null);
        var updated = sut.Catalogue.UpsertTracks([new TrackUpdate { Id = "t1", Title = "Uno" }, new TrackUpdate { Id = "t3" }], null);
        var users = sut.Catalogue.UpsertUsers([new UserUpdate { Id = "u1", Attributes = new() { ["premium"] = "yes" } }], null);
        Assert.Equal(new CatalogueResult(2, 0, false), created);
        Assert.Equal(new CatalogueResult(1, 1, false), updated);
        Assert.Equal(new CatalogueResult(1, 0, false), users);
        Assert.Equal(3, sut.Catalogue.Count("tracks"));
        Assert.Equal(1, sut.Catalogue.Count("users"));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Catalogue.Count("events"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Catalogue_RepeatedIdempotencyKey_WritesNothingAndSaysDuplicate(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        Assert.False(sut.Catalogue.UpsertUsers([new UserUpdate { Id = "u1" }], "k1").Duplicate);
        var again = sut.Catalogue.UpsertUsers([new UserUpdate { Id = "u2" }], "k1");
        // The same key in another scope is a different key.
        var tracks = sut.Catalogue.UpsertTracks([new TrackUpdate { Id = "t1" }], "k1");
        Assert.Equal(new CatalogueResult(0, 0, true), again);
        Assert.False(tracks.Duplicate);
        Assert.Equal(1, sut.Catalogue.Count("users"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Models_Register_NumbersVersionsPerNameAndSetActiveMarksOne(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        var v1 = sut.Models.Register("main", "/m/a.bin", "als", "run-1", "first");
        var v2 = sut.Models.Register("main", "/m/b.bin", "als", null, null);
        var other = sut.Models.Register("alt", "/m/c.bin", "item-knn", null, null);
        Assert.Equal((1, 2, 1), (v1.Version, v2.Version, other.Version));
        Assert.Equal(1, sut.Models.SetActive("main", 2));
        Assert.Equal(0, sut.Models.SetActive("unknown", 1));
        var all = sut.Models.Versions();
        Assert.Equal(["alt:1:False", "main:1:False", "main:2:True"], all.Select(v => $"{v.Name}:{v.Version}:{v.IsActive}"));
        var first = sut.Models.Versions("main")[0];
        Assert.Equal(("/m/a.bin", "als", "run-1", "first", Clock.GetUtcNow().ToUnixTimeMilliseconds()), (first.Path, first.Kind, first.EvaluationRunId, first.Note, first.RegisteredMs));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Models_ConcurrentRegistrations_GetDistinctConsecutiveVersions(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        var versions = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => sut.Models.Register("main", $"/m/{i}.bin", "als", null, null).Version)));
        Assert.Equal(Enumerable.Range(1, 12), versions.Order());
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Reopen_KeepsEverythingAndMigratesNothingTwice(string kind)
    {
        using var scope = new StoreScope(kind);
        using (var first = scope.OpenOnline(Clock))
        {
            first.Events.Insert([Event("a", "u", "t")]);
            first.Models.Register("main", "/m/a.bin", "als", null, null);
            first.Catalogue.UpsertUsers([new UserUpdate { Id = "u" }], "k");
        }
        using var sut = scope.OpenOnline(Clock);
        Assert.Equal(1, sut.Events.Count());
        Assert.Equal(EventOutcome.Duplicate, sut.Events.Insert([Event("a", "u", "t")])[0]);
        Assert.Single(sut.Models.Versions());
        Assert.True(sut.Catalogue.UpsertUsers([new UserUpdate { Id = "v" }], "k").Duplicate);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void OpenReadConnection_RunsTheDashboardOverview(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(Clock);
        sut.Catalogue.UpsertTracks([new TrackUpdate { Id = "t1", Title = "One", Artist = "A" }], null);
        sut.Events.Insert([Event("a", "u1", "t1", ts: 86_400_000), Event("b", "u2", "t1", EventKind.Like, 2 * 86_400_000L), Event("c", "u2", "t2")]);
        var overview = Dashboard.StoreOverviewBuilder.Build(sut, 10, 30);
        Assert.Equal((3L, 2L, 2L, 1L), (overview.Counts.Events, overview.Counts.Users, overview.Counts.Tracks, overview.Counts.CatalogueTracks));
        Assert.Equal(("t1", "One", 2L), (overview.TopTracks[0].Track, overview.TopTracks[0].Title, overview.TopTracks[0].Events));
        var labels = new Dashboard.TrackLabeller(sut, () => null).Label(["t1", "t2"]);
        Assert.Equal(("One", "A"), (labels["t1"].Title, labels["t1"].Artist));
        Assert.Null(labels["t2"].Title);
    }
}
