using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Encore.Server.Tests.Faults;

/// <summary>
/// Every 4xx / 5xx that reaches Encore's pipeline carries the service's problem JSON (title, detail, requestId), whatever
/// layer refuses it: routing (404, 405), content negotiation (415), the body limit (413, declared or chunked), the key
/// check (401, 403), binding and JSON (400), Kestrel's body decoding read by an endpoint (a malformed chunk). What
/// Kestrel refuses while parsing the request head never reaches the pipeline: those answers have no body (docs/service.md,
/// "Errors Kestrel answers itself"); <see cref="KestrelRejection_BeforeThePipeline_IsBodilessAndClosesTheConnection"/>
/// keeps that list true. Raw HTTP/1.1 over a socket, so nothing in a client library tidies the request.
/// </summary>
public sealed class ErrorBodyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string, int> Reachable => new()
    {
        { "unknown path", "GET /api/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404 },
        { "wrong method", "DELETE /api/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405 },
        { "not JSON", $"POST /api/events HTTP/1.1\r\nHost: x\r\nX-Api-Key: {TestServer.WriteKey}\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}", 415 },
        { "declared body over the limit", $"POST /api/events HTTP/1.1\r\nHost: x\r\nX-Api-Key: {TestServer.WriteKey}\r\nContent-Type: application/json\r\nContent-Length: 2000000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n", 413 },
        { "malformed chunk", $"POST /api/events HTTP/1.1\r\nHost: x\r\nX-Api-Key: {TestServer.WriteKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n", 400 },
        { "no key", "POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 401 },
        { "write key on admin", $"GET /api/models HTTP/1.1\r\nHost: x\r\nX-Api-Key: {TestServer.WriteKey}\r\nConnection: close\r\n\r\n", 403 },
        { "bad query value", "GET /api/users/u/recommendations?k=abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400 },
        { "malformed JSON", "POST /api/users/recommendations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1\r\nConnection: close\r\n\r\n{", 400 },
    };

    [Theory]
    [MemberData(nameof(Reachable))]
    public async Task Refusal_InThePipeline_IsProblemJson(string what, string request, int status)
    {
        var (code, headers, body) = await RawAsync(request);

        Assert.True(code == status, $"{what}: {code} {body}");
        Assert.Contains("content-type: application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), what);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), what);
        Assert.True(problem.TryGetProperty("requestId", out _), what);
    }

    // A chunked body (no Content-Length) over server.max_request_body_bytes is stopped by Kestrel while the endpoint reads it.
    [Fact]
    public async Task ChunkedBodyOverTheLimit_IsProblemJson413()
    {
        var chunk = new string(' ', 64 * 1024);
        var builder = new StringBuilder($"POST /api/events HTTP/1.1\r\nHost: x\r\nX-Api-Key: {TestServer.WriteKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (var i = 0; i < 20; i++) builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"{chunk.Length:x}\r\n{chunk}\r\n");
        builder.Append("0\r\n\r\n");

        var (code, headers, body) = await RawAsync(builder.ToString());

        Assert.Equal(413, code);
        Assert.Contains("content-type: application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(413, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    public static TheoryData<string, string, int> KestrelRejections => new()
    {
        { "NUL in the path", "GET /api/users/u%00/recommendations HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "malformed request line", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400 },
        { "space in a header name", "GET /health/live HTTP/1.1\r\nHost: x\r\nX Note: a\r\n\r\n", 400 },
        { "NUL in a header value", "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Note: a\u0000b\r\n\r\n", 400 },
        { "no Host header", "GET /health/live HTTP/1.1\r\n\r\n", 400 },
        { "request line over 8 KiB", $"GET /api/users/{new string('u', 9000)}/recommendations HTTP/1.1\r\nHost: x\r\n\r\n", 414 },
        { "headers over 32 KiB", $"GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: {new string('a', 33 * 1024)}\r\n\r\n", 431 },
        { "unknown HTTP version", "GET /health/live HTTP/1.7\r\nHost: x\r\n\r\n", 505 },
    };

    [Theory]
    [MemberData(nameof(KestrelRejections))]
    public async Task KestrelRejection_BeforeThePipeline_IsBodilessAndClosesTheConnection(string what, string request, int status)
    {
        var (code, headers, body) = await RawAsync(request);

        Assert.True(code == status, $"{what}: {code}");
        Assert.Contains("content-length: 0", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("connection: close", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", body);
    }

    // Sends the bytes as they are and reads until the server closes the connection.
    private async Task<(int Status, string Headers, string Body)> RawAsync(string request)
    {
        var address = fixture.Server.Client.BaseAddress!;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        await using var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (413, 431): read the answer anyway.
        }
        using var response = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await stream.CopyToAsync(response, timeout.Token);
        }
        catch (IOException)
        {
            // A reset after the answer (the rest of the request unread).
        }
        var text = Encoding.UTF8.GetString(response.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no complete answer: '{text}'");
        var head = text[..end];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = text[(end + 4)..];
        return (status, head, head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(body) : body);
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var line = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..line], 16);
            if (size == 0) return body.ToString();
            body.Append(chunked, line + 2, size);
            at = line + 2 + size + 2;
        }
    }
}
