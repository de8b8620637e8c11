using Encore.Online;

namespace Encore.Server.Endpoints;

/// <summary>
/// /health/live (the process answers) and /health/ready (a model is active and the store answers); never need a key.
/// A load balancer reads ready: with PostgreSQL down every event and recommendation call is a 503, so the instance is
/// not ready either.
/// </summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithTags("health").ExcludeFromDescription();
        app.MapGet("/health/ready", (OnlineEngine engine, HttpContext context) => Ready(
                engine.Registry.HasActive,
                () => engine.Registry.ActiveModels.Select(m => new { m.Name, m.Version, kind = m.Model.ModelName }).ToList(),
                () => engine.Events.LastSequence(),
                context))
            .WithTags("health").ExcludeFromDescription();
    }

    /// <summary>200 with the active models, or 503 when none is active or the store cannot be reached (<paramref name="probeStore"/> fails transiently).</summary>
    internal static IResult Ready(bool hasActive, Func<object> models, Action probeStore, HttpContext context)
    {
        if (!hasActive)
            return Results.Extensions.Problem(context, StatusCodes.Status503ServiceUnavailable, "Not ready", "No model is active yet; register and activate one (POST /api/models).");
        try
        {
            probeStore();
        }
        catch (Exception e) when (Http.ProblemExceptionHandler.StoreUnreachable(e))
        {
            return Results.Extensions.Problem(context, StatusCodes.Status503ServiceUnavailable, "Store unavailable", "The store (PostgreSQL) cannot be reached just now; events and recommendations answer 503 until it is back.");
        }
        return Results.Ok(new { status = "ready", models = models() });
    }
}

internal static class ProblemResultExtensions
{
    public static IResult Problem(this IResultExtensions _, HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail, context.Request.Path, status, title, extensions: new Dictionary<string, object?> { ["requestId"] = context.TraceIdentifier });
}
