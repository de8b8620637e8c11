using Encore.Online;
using Microsoft.AspNetCore.Mvc;

namespace Encore.Server.Http;

/// <summary>The few helpers that turn failures into RFC 9457 problem details.</summary>
public static class Problems
{
    /// <summary>Writes a problem response directly (middleware paths, before an endpoint runs).</summary>
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
        problem.Extensions["requestId"] = context.TraceIdentifier;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }

    /// <summary>Status and title of a serving-layer refusal.</summary>
    public static (int Status, string Title) Of(OnlineRequestException ex) => ex?.Problem switch
    {
        RequestProblem.NotFound => (StatusCodes.Status404NotFound, "Not found"),
        RequestProblem.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
        _ => (StatusCodes.Status400BadRequest, "Invalid request"),
    };
}
