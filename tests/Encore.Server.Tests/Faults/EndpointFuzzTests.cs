using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Encore.Server.Tests.Faults;

/// <summary>
/// Seeded, bounded fuzzing of every HTTP route listed in the server's OpenAPI document (issue 12): random ids (percent-encoded bytes, control
/// characters, very long ids), random query values and damaged JSON bodies. Whatever comes in, the server
/// answers below 500 and never shows raw runtime text (exception names, "(Parameter '", "Actual value was",
/// stack frames).
/// </summary>
public sealed partial class EndpointFuzzTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int RequestsPerRoute = 12;

    private static readonly string[] RawRuntimeText = ["(Parameter '", "Actual value was", "Exception:", "   at ", "System.", "Nullable<", "JsonElement", "Failed to bind parameter", "Failed to read parameter"];

    [Fact]
    public async Task AnyRoute_RandomInput_AnswersBelow500WithoutRuntimeText()
    {
        var random = new Random(12);
        var server = fixture.Server;
        var routes = await RoutesAsync(server);
        Assert.Contains(routes, r => r.Template == "/api/events");
        Assert.Contains(routes, r => r.Template == "/api/users/{id}/recommendations");
        // Every route at least once, then random ones: RequestsPerRoute requests per route on average.
        for (var i = 0; i < RequestsPerRoute * routes.Count; i++)
        {
            var (method, template, hasBody, query) = routes[i < routes.Count ? i : random.Next(routes.Count)];
            var path = PathParameter().Replace(template, _ => RandomId(random));
            var terms = query.Where(_ => random.Next(3) > 0).Select(q => q + "=" + (random.Next(2) == 0 ? RandomNumber(random) : RandomId(random))).ToArray();
            if (terms.Length > 0) path += "?" + string.Join('&', terms);
            var key = random.Next(4) == 0 ? null : TestServer.AdminKey;
            var request = server.Request(method, path, key, hasBody ? new StringContent(RandomBody(random), Encoding.UTF8, "application/json") : null);
            using var response = await server.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{method} {path} -> {(int)response.StatusCode}: {text}");
            foreach (var raw in RawRuntimeText)
                Assert.False(text.Contains(raw, StringComparison.Ordinal), $"{method} {path} -> raw runtime text '{raw}': {text}");
        }
    }

    /// <summary>Every operation of the server's own OpenAPI document: method, path template, whether it takes a body, its query parameters.</summary>
    private static async Task<List<(HttpMethod Method, string Template, bool Body, string[] Query)>> RoutesAsync(TestServer server)
    {
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var routes = new List<(HttpMethod, string, bool, string[])>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is not ("get" or "post" or "put" or "patch" or "delete")) continue;
                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToArray()
                    : [];
                var body = operation.Value.TryGetProperty("requestBody", out _) || operation.Name is "post" or "put" or "patch";
                routes.Add((new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, body, query));
            }
        }
        return routes;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

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
