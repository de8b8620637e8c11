using System.Diagnostics;

namespace Encore.Server.Http;

/// <summary>
/// The request log: one line per request, written when the response is done —
/// "GET /api/users/u1/recommendations?k=10 → 200 in 1.8 ms (0HN8…:00000001)". API calls log at Information;
/// the dashboard's static files, its own polling (/api/dashboard), health probes and /metrics at Debug, so a
/// service with the dashboard open stays readable. ASP.NET's own two-line request entries are filtered out
/// (Microsoft.AspNetCore at Warning unless configured).
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    /// <summary>The log category, for Logging:LogLevel settings.</summary>
    public const string Category = "Encore.Server.Http.RequestLogMiddleware";

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var quiet = IsQuiet(request.Path);
            // The target string is built only when the line is written: no allocation per request when logs are off.
            if (logger.IsEnabled(quiet ? LogLevel.Debug : LogLevel.Information))
            {
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var target = request.Path.Value + request.QueryString.Value;
                var status = context.Response.StatusCode;
                if (quiet) Quiet(logger, request.Method, target, status, ms, context.TraceIdentifier);
                else Request(logger, request.Method, target, status, ms, context.TraceIdentifier);
            }
        }
    }

    /// <summary>Paths logged at Debug: the dashboard's files and polling, health, metrics, OpenAPI.</summary>
    public static bool IsQuiet(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/dashboard", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Target} → {Status} in {Milliseconds:0.0} ms ({RequestId})")]
    private static partial void Request(ILogger logger, string method, string target, int status, double milliseconds, string requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Target} → {Status} in {Milliseconds:0.0} ms ({RequestId})")]
    private static partial void Quiet(ILogger logger, string method, string target, int status, double milliseconds, string requestId);
}
