using Microsoft.AspNetCore.Http;

namespace Encore.Server.Http;

/// <summary>
/// Completes the problems that ASP.NET writes by itself, without an exception (the status code pages: an unknown
/// route 404, a wrong method 405, a body without a JSON content type 415): they carried only a title, so a client
/// learnt neither what to change nor the request id to quote (docs/service.md: every problem has title, detail and
/// requestId; found by s13-user2). Problems that already have them (ProblemExceptionHandler) are left as they are.
/// </summary>
internal static class StatusCodeProblems
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions.TryAdd("requestId", http.TraceIdentifier);
        problem.Instance ??= http.Request.Path;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status404NotFound => $"No endpoint at {http.Request.Method} {http.Request.Path}; the API is described at /openapi/v1.json and docs/service.md.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not take {http.Request.Method}; see /openapi/v1.json for its methods.",
            StatusCodes.Status415UnsupportedMediaType => $"The body must be JSON: send the header Content-Type: application/json (got '{http.Request.ContentType ?? "none"}').",
            _ => problem.Title,
        };
    }
}
