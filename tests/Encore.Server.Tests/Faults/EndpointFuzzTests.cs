using System.Net;
using System.Text;

namespace Encore.Server.Tests.Faults;

/// <summary>
/// Seeded, bounded fuzzing of every HTTP route (issue 12): random ids (percent-encoded bytes, control
/// characters, very long ids), random query values and damaged JSON bodies. Whatever comes in, the server
/// answers below 500 and never shows raw runtime text (exception names, "(Parameter '", "Actual value was",
/// stack frames).
/// </summary>
public sealed class EndpointFuzzTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int Requests = 240;

    private static readonly (HttpMethod Method, string Template, bool Body)[] Routes =
    [
        (HttpMethod.Get, "/api/users/{id}/recommendations?k={k}", false),
        (HttpMethod.Post, "/api/users/{id}/scores", true),
        (HttpMethod.Get, "/api/users/{id}/recommendations/{id}/explanation?n={k}", false),
        (HttpMethod.Get, "/api/tracks/{id}/similar?k={k}", false),
        (HttpMethod.Post, "/api/groups/recommendations", true),
        (HttpMethod.Post, "/api/playlists/continuation", true),
        (HttpMethod.Post, "/api/events", true),
        (HttpMethod.Post, "/api/catalogue/tracks", true),
        (HttpMethod.Get, "/api/models", false),
        (HttpMethod.Post, "/api/models", true),
        (HttpMethod.Post, "/api/models/{id}/activate", true),
        (HttpMethod.Post, "/api/models/{id}/retrain", false),
        (HttpMethod.Get, "/api/runs/{id}", false),
        (HttpMethod.Get, "/api/dashboard/users/{id}/history", false),
        (HttpMethod.Get, "/api/dashboard/overview", false),
    ];

    private static readonly string[] RawRuntimeText = ["(Parameter '", "Actual value was", "Exception:", "   at ", "System."];

    [Fact]
    public async Task AnyRoute_RandomInput_AnswersBelow500WithoutRuntimeText()
    {
        var random = new Random(12);
        var server = fixture.Server;
        for (var i = 0; i < Requests; i++)
        {
            var (method, template, hasBody) = Routes[random.Next(Routes.Length)];
            var path = template.Replace("{id}", RandomId(random), StringComparison.Ordinal).Replace("{k}", RandomNumber(random), StringComparison.Ordinal);
            var key = random.Next(4) == 0 ? null : TestServer.AdminKey;
            var request = server.Request(method, path, key, hasBody ? new StringContent(RandomBody(random), Encoding.UTF8, "application/json") : null);
            using var response = await server.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{method} {path} -> {(int)response.StatusCode}: {text}");
            foreach (var raw in RawRuntimeText)
                Assert.False(text.Contains(raw, StringComparison.Ordinal), $"{method} {path} -> raw runtime text '{raw}': {text}");
            _ = response.StatusCode == HttpStatusCode.OK;
        }
    }

    private static string RandomId(Random random) => random.Next(6) switch
    {
        0 => ModelFiles.User(random.Next(5)),
        1 => ModelFiles.Track(random.Next(5)),
        2 => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => "%" + random.Next(256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture))),
        3 => new string('x', random.Next(1, 3000)),
        4 => Uri.EscapeDataString("ü/ser " + (char)random.Next(0x20, 0x3000)),
        _ => "%25" + random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string RandomNumber(Random random) => random.Next(5) switch
    {
        0 => random.Next(-5, 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "99999999999999999999",
        2 => "NaN",
        3 => "",
        _ => "1e9",
    };

    private static string RandomBody(Random random)
    {
        string[] valid =
        [
            $$"""{"tracks":["{{ModelFiles.Track(0)}}"],"history":[{"track":"{{ModelFiles.Track(1)}}","value":1}]}""",
            $$"""{"members":[{"user":"{{ModelFiles.User(0)}}"},{"user":"x"}],"k":5,"strategy":"borda"}""",
            $$"""{"seeds":["{{ModelFiles.Track(0)}}"],"k":5}""",
            $$"""{"user":"u","track":"{{ModelFiles.Track(0)}}","kind":"play","value":1}""",
            """{"name":"main","path":"/etc/passwd","activate":true}""",
            """{"version":-1}""",
        ];
        var body = valid[random.Next(valid.Length)];
        return random.Next(5) switch
        {
            0 => body,
            1 => body[..random.Next(body.Length)],
            2 => body.Replace("1", "-1e40", StringComparison.Ordinal).Replace("5", "2147483648", StringComparison.Ordinal),
            3 => new string('[', random.Next(1, 200)),
            _ => body.Replace("\"", random.Next(2) == 0 ? "'" : "\"\\u0000", StringComparison.Ordinal),
        };
    }
}
