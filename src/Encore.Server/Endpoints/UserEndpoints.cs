using System.Text.Json;
using Encore.Online;
using Encore.Online.Catalogue;
using Encore.Online.Experiments;
using Encore.Online.Serving;
using Encore.Server.Cluster;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Encore.Server.Endpoints;

/// <summary>/api/users: recommendations, candidate scores, explanations, and user updates.</summary>
public static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("users").ProducesProblem(400).ProducesProblem(404);
        users.MapGet("/{id}/recommendations", Recommend).WithSummary("Top-k tracks for a user (cold start for unknown users).");
        users.MapPost("/recommendations", RecommendWithHistory).WithSummary("Top-k for a user, with a history for users the model does not know.");
        users.MapPost("/{id}/scores", Scores).WithSummary("Scores of candidate tracks for a user.");
        users.MapGet("/{id}/recommendations/{track}/explanation", Explain).WithSummary("Which of the user's tracks made the model recommend a track.").ProducesProblem(409);
        users.MapPost("", Upsert).WithSummary("Create or update users (write key).").RequireApiKey(ApiKeyRole.Write).ProducesProblem(401);
    }

    private static async Task<Ok<RecommendationResponse>> Recommend(string id, IUserRouter users, OnlineEngine engine, int? k, string? model, bool? excludeSeen,
        [Microsoft.AspNetCore.Mvc.FromQuery] string[]? exclude, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? allow, CancellationToken aborted) =>
        TypedResults.Ok(await ServeAsync(new UserRecommendationRequest
        {
            User = id,
            K = k ?? 10,
            Model = model,
            ExcludeSeen = excludeSeen ?? true,
            Exclude = JsonBody.SplitList(exclude),
            Allow = JsonBody.SplitList(allow),
        }, users, engine, aborted));

    private static async Task<Ok<RecommendationResponse>> RecommendWithHistory(UserRecommendationRequest request, IUserRouter users, OnlineEngine engine,
        CancellationToken aborted) =>
        TypedResults.Ok(await ServeAsync(request, users, engine, aborted));

    /// <summary>
    /// Answers through the router (local or cluster): while an A/B experiment runs and the request names no model,
    /// the user's variant's model answers and the served list is recorded (the response carries its list id).
    /// <paramref name="aborted"/> (the request's RequestAborted) drops a request still waiting in the batcher.
    /// </summary>
    internal static Task<RecommendationResponse> ServeAsync(UserRecommendationRequest request, IUserRouter users, OnlineEngine engine,
        CancellationToken aborted = default) =>
        engine.Experiments.Assign(request) is not { } assignment
            ? users.RecommendAsync(request, aborted) // the common case: no state machine of its own
            : ServeVariantAsync(request, assignment, users, engine, aborted);

    private static async Task<RecommendationResponse> ServeVariantAsync(UserRecommendationRequest request, ExperimentAssignment assignment, IUserRouter users,
        OnlineEngine engine, CancellationToken aborted)
    {
        var response = await users.RecommendAsync(ExperimentService.ForVariant(request, assignment), aborted);
        return engine.Experiments.Record(assignment, response);
    }

    private static Ok<ScoresResponse> Scores(string id, ScoreRequest request, OnlineEngine engine) =>
        TypedResults.Ok(engine.Recommendations.Scores(id, request));

    private static Ok<ExplanationResponse> Explain(string id, string track, OnlineEngine engine, int? n, string? model) =>
        TypedResults.Ok(engine.Recommendations.Explain(id, track, n ?? 5, model));

    private static Ok<CatalogueResult> Upsert(JsonElement body, OnlineEngine engine, IOptions<JsonOptions> json, HttpRequest request)
    {
        var (items, _, key) = JsonBody.ListOrSingle<UserUpdate>(body, "users", json.Value.SerializerOptions);
        return TypedResults.Ok(engine.Catalogue.UpsertUsers(items, key ?? IdempotencyKey(request)));
    }

    internal static string? IdempotencyKey(HttpRequest request)
    {
        var header = request.Headers["Idempotency-Key"].ToString();
        return header.Length == 0 ? null : header;
    }
}
