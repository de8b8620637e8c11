using System.Net;

namespace Encore.Server.Tests.Faults;

/// <summary>
/// Issue 12 item 8 at the HTTP API: an id with a control character (NUL, ESC, BEL ...) anywhere a request
/// carries ids, path or body, is answered 400 naming the field, and nothing is stored. The delimited and
/// JSON importers refuse the same ids, so such an id can never enter Encore.
/// </summary>
public sealed class ControlCharacterIdTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string U0 => ModelFiles.User(0);

    private static string T0 => ModelFiles.Track(0);

    public static TheoryData<string, string, string, string> Requests => new()
    {
        { "POST", "/api/events", """{"user": "u\u00001", "track": "T0", "kind": "play"}""", "user" },
        { "POST", "/api/events", """{"user": "U0", "track": "t\u0007", "kind": "play"}""", "track" },
        { "POST", "/api/events", """[{"user": "U0", "track": "T0", "kind": "play", "session": "s\u001b"}]""", "session" },
        { "POST", "/api/users", """[{"id": "u\u0000"}]""", "users[0].id" },
        { "POST", "/api/tracks", """[{"id": "t\u0000", "title": "x"}]""", "tracks[0].id" },
        { "POST", "/api/users/recommendations", """{"user": "g\u0000", "k": 3}""", "user" },
        { "POST", "/api/users/recommendations", """{"user": "guest", "k": 3, "history": [{"track": "T0\u0000", "value": 1}]}""", "history[0].track" },
        { "POST", "/api/users/recommendations", """{"user": "U0", "k": 3, "exclude": ["\u0001"]}""", "exclude[0]" },
        { "POST", "/api/users/U0/scores", """{"tracks": ["T0", "x\u0000"]}""", "tracks[1]" },
        { "POST", "/api/groups/recommendations", """{"members": [{"user": "U0"}, {"user": "b\u0000"}], "k": 3}""", "members[1].user" },
        { "POST", "/api/groups/recommendations", """{"members": [{"user": "U0"}], "k": 3, "allow": ["T0", "\u001f"]}""", "allow[1]" },
        { "POST", "/api/playlists/continuation", """{"seeds": ["T0", "s\u0000"], "k": 3}""", "seeds[1]" },
        { "GET", "/api/users/u%1Bx/recommendations?k=3", "", "user" },
        { "GET", "/api/tracks/t%07/similar?k=3", "", "track" },
    };

    [Fact]
    public async Task Request_NulInPath_Is400()
    {
        // Kestrel itself refuses a percent-encoded NUL in the path, before any endpoint runs.
        using var response = await fixture.Server.Client.GetAsync("/api/users/u%00x/recommendations?k=3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_IdWithControlCharacter_Is400NamingTheField(string method, string path, string body, string field)
    {
        var server = fixture.Server;
        var json = body.Replace("U0", U0, StringComparison.Ordinal).Replace("T0", T0, StringComparison.Ordinal);
        var request = server.Request(new HttpMethod(method), path.Replace("U0", Uri.EscapeDataString(U0), StringComparison.Ordinal), TestServer.WriteKey,
            method == "POST" ? Json.Raw(json) : null);

        using var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} -> {(int)response.StatusCode}: {text}");
        Assert.Contains("control character", text, StringComparison.Ordinal);
        Assert.Contains(field, text, StringComparison.Ordinal);
    }
}
