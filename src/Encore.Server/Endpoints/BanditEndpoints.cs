using Encore.Online;
using Encore.Online.Bandits;
using Encore.Online.Experiments;
using Encore.Online.Store;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Encore.Server.Endpoints;

/// <summary>The online bandit: the next track for a user (the funnel), the user's bandit state, and the users that have one.</summary>
public static class BanditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("bandit").ProducesProblem(400).ProducesProblem(404);
        users.MapPost("/{id}/next", Next)
            .WithSummary("The next single track for a user: the model's top-N re-ranked by the user's bandit, with predicted value and uncertainty; the choice is stored and feedback events on it update the bandit (write key).")
            .RequireApiKey(ApiKeyRole.Write).ProducesProblem(401).ProducesProblem(409);
        users.MapGet("/{id}/bandit", State).WithSummary("A user's bandit state: rounds, cumulative reward, the last choices and the reward curve.");
        app.MapGet("/api/bandit/users", Users).WithTags("bandit").WithSummary("Users with bandit state, most recently updated first.").ProducesProblem(400);
    }

    // Through the user's grain in cluster mode (Cluster.IUserRouter), straight to the engine otherwise. While an A/B
    // experiment over bandit policies runs (and the request names no policy), the user's variant's policy chooses
    // and the served track is recorded as the variant's list.
    private static async Task<Ok<NextTrackResponse>> Next(string id, NextTrackRequest? request, Cluster.IUserRouter users, OnlineEngine engine)
    {
        if (engine.Experiments.AssignNext(id, request) is not { } assignment) return TypedResults.Ok(await users.NextAsync(id, request));
        var response = await users.NextAsync(id, ExperimentService.ForVariant(request, assignment));
        return TypedResults.Ok(engine.Experiments.Record(assignment, response));
    }

    private static Ok<BanditStateResponse> State(string id, OnlineEngine engine, int? last) =>
        TypedResults.Ok(engine.Bandits.State(id, last ?? 20));

    private static Ok<List<BanditUserSummary>> Users(OnlineEngine engine, int? limit) =>
        TypedResults.Ok(engine.Bandits.Users(limit ?? 100));
}
