using Encore.Online;

namespace Encore.Server.Endpoints;

/// <summary>/health/live (the process answers) and /health/ready (a model is active); never need a key.</summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithTags("health").ExcludeFromDescription();
        app.MapGet("/health/ready", (OnlineEngine engine, HttpContext context) => engine.Registry.HasActive
                ? Results.Ok(new { status = "ready", models = engine.Registry.ActiveModels.Select(m => new { m.Name, m.Version, kind = m.Model.ModelName }) })
                : Results.Extensions.Problem(context, StatusCodes.Status503ServiceUnavailable, "Not ready", "No model is active yet; register and activate one (POST /api/models)."))
            .WithTags("health").ExcludeFromDescription();
    }
}

internal static class ProblemResultExtensions
{
    public static IResult Problem(this IResultExtensions _, HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail, context.Request.Path, status, title, extensions: new Dictionary<string, object?> { ["requestId"] = context.TraceIdentifier });
}
