using System.Text.Json;
using Encore.Core.Errors;
using Encore.Online;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Encore.Server.Http;

/// <summary>
/// Maps exceptions to problem details: serving-layer refusals to 400 / 404 / 409 with the field, malformed
/// JSON and bad parameters to 400, an over-large body to 413; in cluster mode a grain call that could not reach
/// its silo (a silo leaving or joining) to 503 with Retry-After, since the same request succeeds once membership
/// settles; a PostgreSQL store that cannot be reached to 503 "Store unavailable" with Retry-After for the same reason; a request stopped by a shutdown (<see cref="ServerStoppingException"/>) to 503 too; anything else is a 500
/// that is logged (a bug, never a caller's mistake).
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail, field) = exception switch
        {
            OnlineRequestException e => (Problems.Of(e).Status, Problems.Of(e).Title, e.Message, e.Field),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request body too large", "The request body is larger than server.max_request_body_bytes allows.", ""),
            BadHttpRequestException e => Describe(e),
            JsonException e when WrongKind(e) => (400, "Invalid request", WrongKindDetail(e), Field(e.Path)),
            JsonException e => (400, "Malformed JSON", Plain(e.Message), Field(e.Path)),
            ServerStoppingException e => (503, "Server shutting down", e.Message, ""),
            Orleans.Runtime.OrleansException or TimeoutException => (503, "Cluster member unavailable",
                "A cluster member needed for this request is leaving or joining the cluster; retry the same request (event ids make it safe).", ""),
            _ when StoreUnreachable(exception) => (503, "Store unavailable",
                "The store (PostgreSQL) cannot be reached just now; retry the same request (event ids make it safe).", ""),
            _ => (500, "Unexpected error", "The server failed to handle this request; the error is logged with the request id.", ""),
        };
        if (exception is ServerStoppingException)
        {
            logger.LogWarning("Stopped {Method} {Path} at the end of the shutdown grace period", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "30";
        }
        else if (status == 503)
        {
            logger.LogWarning("{Title} for {Method} {Path}: {Reason}", title, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
            httpContext.Response.Headers.RetryAfter = "1";
        }
        else if (status >= 500) logger.LogError(exception, "Unhandled error for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = httpContext.Request.Path };
        problem.Extensions["requestId"] = httpContext.TraceIdentifier;
        if (field.Length > 0) problem.Extensions["field"] = field;
        if (exception is OnlineRequestException { Errors: { } errors }) problem.Extensions["errors"] = errors;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // A connection to PostgreSQL that failed or broke (Npgsql's IsTransient: socket, I/O, timeout), also when a grain
    // call wraps it: the same request succeeds once the database is back, so 503 + Retry-After rather than a 500.
    internal static bool StoreUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true }) return true;
        return false;
    }

    // The binder's own words name C# parameters ("Nullable<int> k", "JsonElement body"); clients see the query
    // parameter and the JSON kind expected. Keep the JSON reader's position ("line 3, byte 7") for malformed JSON.
    private static (int Status, string Title, string Detail, string Field) Describe(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException inner && WrongKind(inner)) return (e.StatusCode, "Invalid request", WrongKindDetail(inner), Field(inner.Path));
        var (detail, field) = DetailOf(e);
        return (e.StatusCode, "Bad request", detail, field);
    }

    // The reader parsed the body (it is valid JSON) but a value has another kind than the field takes ("k": "3", "user": 5):
    // System.Text.Json's words for that are "The JSON value could not be converted to ...", and its syntax errors never
    // start so. Both used to be answered "The request body is not valid JSON." / "Malformed JSON", which sent clients
    // looking for a syntax error in a well-formed body.
    internal static bool WrongKind(JsonException e) => e.Message.StartsWith(WrongKindWords, StringComparison.Ordinal);

    private const string WrongKindWords = "The JSON value could not be converted to ";

    internal static string WrongKindDetail(JsonException e)
    {
        var field = Field(e.Path);
        var plain = Plain(e.Message);
        var expected = plain[WrongKindWords.Length..];
        var end = expected.IndexOf(". Path:", StringComparison.Ordinal);
        if (end >= 0) expected = expected[..end];
        expected = expected.TrimEnd('.');
        var where = e.LineNumber is { } line && e.BytePositionInLine is { } position ? $" (line {line + 1}, byte {position + 1})" : "";
        return field.Length == 0
            ? $"The body is valid JSON but of the wrong kind: the JSON value could not be converted to {expected}{where}; see the operation's schema at /openapi/v1.json."
            : $"{field}: the JSON value could not be converted to {expected}{where}; the body is valid JSON, but this field takes {expected} (the operation's schema: /openapi/v1.json).";
    }

    private static (string Detail, string Field) DetailOf(BadHttpRequestException e)
    {
        var json = e.InnerException is JsonException inner ? " " + Plain(inner.Message) : "";
        var jsonField = e.InnerException is JsonException { Path: var path } ? Field(path) : "";
        if (BindFailure().Match(e.Message) is { Success: true } bind)
            return ($"'{bind.Groups["name"].Value}' must be {Kind(bind.Groups["type"].Value)}; got '{bind.Groups["value"].Value}'.", bind.Groups["name"].Value);
        if (RequiredMissing().Match(e.Message) is { Success: true } missing)
            return ($"'{missing.Groups["name"].Value}' is required; expected {Kind(missing.Groups["type"].Value)}.", missing.Groups["name"].Value);
        if (BodyFailure().IsMatch(e.Message))
            return ("The request body is not valid JSON." + json, jsonField);
        // The binder's words for an absent or `null` body ("Implicit body inferred for parameter ... Did you mean to use a Service instead?").
        if (MissingBody().IsMatch(e.Message))
            return ("The request body is empty (or JSON null); expected a JSON object (the operation's schema: /openapi/v1.json).", "");
        return (Plain(e.Message) + json, jsonField);
    }

    // The JSON reader's path of the value at fault ("$.history[0].value", "$[2].kind") as the problem's field
    // ("history[0].value"), the way every other request error names its field; empty for the whole body.
    internal static string Field(string? path) => path switch
    {
        null or "$" => "",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };

    private static string Kind(string type) => ValueKindWords.Expected(type, ValueAudience.Query);

    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to bind parameter ""(?<type>.+) (?<name>\w+)"" from ""(?<value>.*)""\.$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Required parameter ""(?<type>.+) (?<name>\w+)"" was not provided")]
    private static partial System.Text.RegularExpressions.Regex RequiredMissing();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to read parameter "".+"" from the request body as JSON\.")]
    private static partial System.Text.RegularExpressions.Regex BodyFailure();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Implicit body inferred for parameter ""\w+"" but no body was provided")]
    private static partial System.Text.RegularExpressions.Regex MissingBody();

    // The JSON binder names .NET types ("could not be converted to System.Int32", "... to
    // Encore.Online.Serving.GroupMemberRequest", "System.Nullable`1[System.Int64]"); clients see JSON kinds.
    internal static string Plain(string message) => RuntimeTypeName().Replace(message, m =>
        m.Groups["inner"].Success ? JsonKind(m.Groups["inner"].Value)
        : m.Value.StartsWith("Encore.", StringComparison.Ordinal) && !m.Value.EndsWith("[]", StringComparison.Ordinal) ? "an object" // Encore's request records
        : JsonKind(m.Groups["name"].Value));

    private static string JsonKind(string type) => ValueKindWords.Expected(type, ValueAudience.Json);

    // System.Nullable`1[System.Int64] (the inner type; also the assembly-qualified [[...]] form), or a System.* / Encore.* name with
    // optional generic arguments and array brackets.
    [System.Text.RegularExpressions.GeneratedRegex(@"System\.Nullable`1\[\[?System\.(?<inner>\w+)[^\]]*\]\]?|(?:System|Encore)\.(?:\w+\.)*(?<name>\w+(?:\[\])?)(?:`\d+\[[^\]]*\]\]?)?")]
    private static partial System.Text.RegularExpressions.Regex RuntimeTypeName();
}
