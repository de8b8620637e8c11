using System.Text.Json;
using Encore.Online;
using Encore.Online.Catalogue;
using Encore.Online.Serving;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Encore.Server.Endpoints;

/// <summary>/api/tracks: similar tracks and catalogue updates.</summary>
public static class TrackEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var tracks = app.MapGroup("/api/tracks").WithTags("tracks").ProducesProblem(400).ProducesProblem(404);
        tracks.MapGet("/{id}/similar", Similar).WithSummary("Tracks most similar to a track.").ProducesProblem(409);
        tracks.MapPost("", Upsert).WithSummary("Create or update tracks (write key).").RequireApiKey(ApiKeyRole.Write).ProducesProblem(401);
    }

    private static Ok<SimilarTracksResponse> Similar(string id, OnlineEngine engine, int? k, string? model) =>
        TypedResults.Ok(engine.Recommendations.Similar(id, k ?? 10, model));

    private static Ok<CatalogueResult> Upsert(JsonElement body, OnlineEngine engine, IOptions<JsonOptions> json, HttpRequest request)
    {
        var (items, _, key) = JsonBody.ListOrSingle<TrackUpdate>(body, "tracks", json.Value.SerializerOptions);
        return TypedResults.Ok(engine.Catalogue.UpsertTracks(items, key ?? UserEndpoints.IdempotencyKey(request)));
    }
}
