using Encore.Online;
using Encore.Online.Serving;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Encore.Server.Endpoints;

/// <summary>/api/playlists: playlist continuation.</summary>
public static class PlaylistEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var playlists = app.MapGroup("/api/playlists").WithTags("playlists").ProducesProblem(400).ProducesProblem(404);
        playlists.MapPost("/continuation", Continue).WithSummary("Tracks to continue a playlist from seed tracks and / or a title.");
    }

    private static Ok<RecommendationResponse> Continue(PlaylistContinuationRequest request, OnlineEngine engine) =>
        TypedResults.Ok(engine.Recommendations.ContinuePlaylist(request));
}
