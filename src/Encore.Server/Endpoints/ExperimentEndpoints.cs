using Encore.Online;
using Encore.Online.Experiments;
using Encore.Online.Registry;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Encore.Server.Endpoints;

/// <summary>/api/experiments (admin key): A/B experiments: create, correct or delete a draft, list, read, start, stop, promote, report.</summary>
public static class ExperimentEndpoints
{
    /// <summary>Body of POST /api/experiments: a name, an optional salt (default the name) and two or more variants, the first the control.</summary>
    public sealed record CreateExperimentRequest(string? Name, string? Salt, IReadOnlyList<AbVariant>? Variants);

    /// <summary>Body of POST /api/experiments/{name}/promote.</summary>
    public sealed record PromoteRequest(string? Variant);

    /// <summary>A promotion's result: the ended experiment and the default model's newly active version.</summary>
    public sealed record PromoteResponse(ExperimentRecord Experiment, ModelVersionInfo Model);

    public static void Map(IEndpointRouteBuilder app)
    {
        var experiments = app.MapGroup("/api/experiments").WithTags("experiments").RequireApiKey(ApiKeyRole.Admin)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        experiments.MapGet("", List).WithSummary("Every experiment, newest first, with its state and times.");
        experiments.MapPost("", Create).WithSummary("Create an experiment (draft): variants with a model name and a traffic share; the first is the control.");
        experiments.MapGet("/{name}", Get).WithSummary("One experiment.");
        experiments.MapPut("/{name}", Replace).WithSummary("Correct a draft: replace its salt and variants (checked as at creation); the name stays.");
        experiments.MapDelete("/{name}", Delete).WithSummary("Delete a draft; a started experiment keeps its record for the report (409).");
        experiments.MapPost("/{name}/start", Start).WithSummary("Start a draft: requests without an explicit model are answered by the user's variant (one experiment runs at a time).");
        experiments.MapPost("/{name}/stop", Stop).WithSummary("Stop a running experiment; its lists and feedback stay for the report.");
        experiments.MapPost("/{name}/promote", Promote).WithSummary("Activate a variant's model as the default model and end the experiment.");
        experiments.MapGet("/{name}/report", Report).WithSummary("Per-variant impressions, plays, likes, skips and reward per impression with 95% intervals, and each variant against the control (fixed-horizon z-test, Bonferroni).");
    }

    private static Ok<IReadOnlyList<ExperimentRecord>> List(OnlineEngine engine) => TypedResults.Ok(engine.Experiments.List());

    private static Created<ExperimentRecord> Create(CreateExperimentRequest request, OnlineEngine engine)
    {
        var record = engine.Experiments.Create(new AbExperiment { Name = request.Name ?? "", Salt = request.Salt, Variants = request.Variants ?? [] });
        return TypedResults.Created($"/api/experiments/{Uri.EscapeDataString(record.Name)}", record);
    }

    private static Ok<ExperimentRecord> Get(string name, OnlineEngine engine) => TypedResults.Ok(engine.Experiments.Get(name));

    private static Ok<ExperimentRecord> Replace(string name, CreateExperimentRequest request, OnlineEngine engine) =>
        TypedResults.Ok(engine.Experiments.Replace(name, new AbExperiment { Name = request.Name ?? "", Salt = request.Salt, Variants = request.Variants ?? [] }));

    private static NoContent Delete(string name, OnlineEngine engine)
    {
        engine.Experiments.Delete(name);
        return TypedResults.NoContent();
    }

    private static Ok<ExperimentRecord> Start(string name, OnlineEngine engine) => TypedResults.Ok(engine.Experiments.Start(name));

    private static Ok<ExperimentRecord> Stop(string name, OnlineEngine engine) => TypedResults.Ok(engine.Experiments.Stop(name));

    private static Ok<PromoteResponse> Promote(string name, PromoteRequest request, OnlineEngine engine)
    {
        var (experiment, served) = engine.Experiments.Promote(name, request.Variant);
        var model = engine.Registry.List(served.Name).First(v => v.Version == served.Version);
        return TypedResults.Ok(new PromoteResponse(experiment, model));
    }

    private static Ok<AbReport> Report(string name, OnlineEngine engine, double? alpha) => TypedResults.Ok(engine.Experiments.Report(name, alpha ?? 0.05));
}
