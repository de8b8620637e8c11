using Encore.Online.Dashboard;
using Encore.Server.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Encore.Server.Endpoints;

/// <summary>
/// Read-only views of the experiment store (runs.path) for the dashboard's runs page: the run list, one run,
/// and the HTML report of chosen runs. No key needed. The logic is in <see cref="RunsService"/>.
/// </summary>
public static class RunEndpoints
{
    /// <summary>Registers the <see cref="RunsService"/> singleton over runs.path.</summary>
    public static void AddRuns(IServiceCollection services) =>
        services.AddSingleton(sp => new RunsService(sp.GetRequiredService<IOptions<EncoreServerOptions>>().Value.Runs.Path));

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/runs").WithTags("runs").ProducesProblem(400);
        api.MapGet("/", (RunsService runs, string? model, string? sweep, int? last) => TypedResults.Ok(runs.List(model, sweep, last)))
            .WithSummary("Recorded evaluation runs (oldest first) with metric means and 95% intervals; filters model, sweep, last.");
        api.MapGet("/report", Report).Produces<string>(200, "text/html").ProducesProblem(404)
            .WithSummary("Self-contained HTML report of up to 50 runs (ids=a,b,c).");
        api.MapGet("/{id}", (string id, RunsService runs) => TypedResults.Ok(runs.Get(id))).ProducesProblem(404)
            .WithSummary("One run: metrics with intervals, parameters and provenance (no per-user values).");
    }

    private static ContentHttpResult Report(RunsService runs, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? ids) =>
        TypedResults.Content(runs.Report(JsonBody.SplitList(ids)), "text/html; charset=utf-8");
}
