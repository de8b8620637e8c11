using Encore.Online;
using Encore.Online.Registry;
using Encore.Online.Retraining;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Encore.Server.Endpoints;

/// <summary>/api/models (admin key): list, register, activate, retrain.</summary>
public static class ModelEndpoints
{
    /// <summary>Body of POST /api/models.</summary>
    public sealed record RegisterModelRequest(string? Name, string? Path, string? EvaluationRunId = null, bool Activate = false);

    /// <summary>Body of POST /api/models/{name}/activate (a missing version is a 400 naming it, not "no version 0").</summary>
    public sealed record ActivateRequest(int? Version);

    public static void Map(IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("models").RequireApiKey(ApiKeyRole.Admin)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);
        models.MapGet("", List).WithSummary("Every registered version, with the active ones marked.");
        models.MapPost("", Register).WithSummary("Register a model file as the next version of a name (optionally activate it).");
        models.MapPost("/{name}/activate", Activate).WithSummary("Make a version the active one (atomic swap).");
        models.MapPost("/{name}/retrain", Retrain).WithSummary("Retrain from stored events; activate only if not worse on a holdout.");
        models.MapGet("/{name}/retrain", LastRetrain)
            .WithSummary("The last retrain of a name this process ran: activated or kept, both holdout scores and why (404 when none ran).");
    }

    private static Ok<IReadOnlyList<ModelVersionInfo>> List(OnlineEngine engine) => TypedResults.Ok(engine.Registry.List());

    private static Created<ModelVersionInfo> Register(RegisterModelRequest request, OnlineEngine engine)
    {
        if (request.Name is null) throw OnlineRequestException.Invalid("name", "is missing; expected the model name to register the file under, e.g. {\"name\": \"main\", \"path\": \"models/als.bin\"}.");
        var info = engine.Registry.Register(request.Name, request.Path ?? "", request.EvaluationRunId);
        if (request.Activate)
        {
            engine.Registry.Activate(info.Name, info.Version);
            info = info with { IsActive = true };
        }
        return TypedResults.Created($"/api/models/{info.Name}", info);
    }

    private static Ok<ModelVersionInfo> Activate(string name, ActivateRequest request, OnlineEngine engine)
    {
        var version = request.Version ?? throw OnlineRequestException.Invalid("version", "is missing; expected the version number to activate (GET /api/models lists them), e.g. {\"version\": 2}.");
        var serving = engine.Registry.Activate(name, version);
        return TypedResults.Ok(engine.Registry.List(name).First(v => v.Version == serving.Version));
    }

    private static Ok<RetrainResult> LastRetrain(string name, OnlineEngine engine) => TypedResults.Ok(engine.Retrain.Last(name)
        ?? throw OnlineRequestException.NotFound("name", $"No retrain of '{name}' has run in this process since it started; POST /api/models/{name}/retrain runs one."));

    // A shutdown lets a running retrain finish within server.shutdown_grace_seconds; one that would not is cancelled
    // just before the grace ends and answered 503 (it had changed nothing: the model is saved and activated only at
    // the end), instead of losing its connection when the host stops.
    private static async Task<Ok<RetrainResult>> Retrain(string name, Cluster.IRetrainRunner runner, Hosting.ShutdownDeadline shutdown,
        ILoggerFactory loggers, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, shutdown.Token);
        try
        {
            var result = await runner.RetrainAsync(name, linked.Token);
            // A kept candidate is logged with its reason, as a scheduled retrain is (RetrainBackgroundService).
            loggers.CreateLogger("Encore.Server.Retrain").LogInformation("Retrain of {Model}: {Reason} in {Seconds:F1} s; confidence {Confidence}",
                result.Name, result.Reason, result.Seconds, result.Confidence);
            return TypedResults.Ok(result);
        }
        catch (OperationCanceledException ex) when (shutdown.Token.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw ServerStoppingException.RetrainStopped(name, shutdown.Grace, ex);
        }
    }
}
