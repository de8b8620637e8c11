using Encore.Online.Catalogue;

namespace Encore.Online.Tests.Catalogue;

public sealed class CatalogueServiceTests
{
    [Fact]
    public void UpsertTracks_NewThenChanged_CountsCreatedAndUpdated()
    {
        using var scope = new EngineScope();
        var sut = scope.Engine.Catalogue;

        var first = sut.UpsertTracks([new TrackUpdate { Id = "t1", Title = "One" }, new TrackUpdate { Id = "t2" }]);
        var second = sut.UpsertTracks([new TrackUpdate { Id = "t1", Title = "Uno" }, new TrackUpdate { Id = "t3" }]);

        Assert.Equal(new CatalogueResult(2, 0, false), first);
        Assert.Equal(new CatalogueResult(1, 1, false), second);
    }

    [Fact]
    public void UpsertUsers_RepeatedIdempotencyKey_IsDuplicate()
    {
        using var scope = new EngineScope();
        var sut = scope.Engine.Catalogue;

        sut.UpsertUsers([new UserUpdate { Id = "u1", Attributes = new() { ["premium"] = "true" } }], "req-1");
        var repeat = sut.UpsertUsers([new UserUpdate { Id = "u2" }], "req-1");

        Assert.True(repeat.Duplicate);
        using var reopened = scope.Reopen();
        Assert.Equal(1, reopened.Store.Catalogue.Count("users"));
    }

    [Fact]
    public void UpsertTracks_MissingIdOrBadDuration_IsInvalid()
    {
        using var scope = new EngineScope();

        var noId = Assert.Throws<OnlineRequestException>(() => scope.Engine.Catalogue.UpsertTracks([new TrackUpdate { Title = "x" }]));
        var duration = Assert.Throws<OnlineRequestException>(() => scope.Engine.Catalogue.UpsertTracks([new TrackUpdate { Id = "t", DurationMs = -1 }]));

        Assert.Equal("tracks[0].id", noId.Field);
        Assert.Equal("tracks[0].durationMs", duration.Field);
    }

    [Fact]
    public void Upsert_NullEntryOrNullGenre_IsInvalidNamingIt()
    {
        using var scope = new EngineScope();

        var nullUser = Assert.Throws<OnlineRequestException>(() => scope.Engine.Catalogue.UpsertUsers([new UserUpdate { Id = "u" }, null]));
        var nullGenre = Assert.Throws<OnlineRequestException>(() => scope.Engine.Catalogue.UpsertTracks([new TrackUpdate { Id = "t", Genres = ["rock", null!] }]));
        var pipe = Assert.Throws<OnlineRequestException>(() => scope.Engine.Catalogue.UpsertTracks([new TrackUpdate { Id = "t", Genres = ["rock|pop"] }]));

        Assert.Equal(("users[1]", "users[1] is null; expected an object with an id."), (nullUser.Field, nullUser.Message)); // was "users[1]. is null"
        Assert.Equal(("tracks[0].genres[1]", "tracks[0].genres[1] is null; expected a non-empty genre name without '|'."), (nullGenre.Field, nullGenre.Message));
        Assert.Equal("tracks[0].genres[0]", pipe.Field);
        Assert.Equal(0, scope.Engine.Store.Catalogue.Count("tracks"));
    }
}
