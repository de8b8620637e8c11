using Encore.Models.Group;
using Encore.Online;
using Encore.Online.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Encore.Server.Endpoints;

/// <summary>/api/groups: recommendations for a group of listeners.</summary>
public static class GroupEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/api/groups").WithTags("groups").ProducesProblem(400).ProducesProblem(404);
        groups.MapPost("/recommendations", Recommend).WithSummary("Top-k for a group with a strategy, and each member's satisfaction.");
        groups.MapGet("/strategies", Strategies).WithSummary("The group strategies a request may name: canonical names and aliases.");
    }

    // Built from the one table of names the request parser uses, so a client (the dashboard) never lists them itself.
    private static Ok<GroupStrategiesResponse> Strategies() => TypedResults.Ok(new GroupStrategiesResponse(GroupStrategyNames.Names, GroupStrategyNames.AliasNames));

    private static Ok<GroupRecommendationResponse> Recommend(GroupRecommendationRequest request, OnlineEngine engine) =>
        TypedResults.Ok(engine.Recommendations.ForGroup(request));
}
