using System.Text.Json;
using Encore.Online.Feedback;
using Encore.Server.Cluster;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Encore.Server.Endpoints;

/// <summary>/api/events: feedback ingestion, one event or a batch, stored durably before the answer.</summary>
public static class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("events").ProducesProblem(400).ProducesProblem(401);
        events.MapPost("", Ingest).WithSummary("Ingest one event (object) or a batch (array, or {\"events\": [...]}) (write key).").RequireApiKey(ApiKeyRole.Write);
    }

    private static async Task<Ok<IngestResult>> Ingest(JsonElement body, IUserRouter users, IOptions<JsonOptions> json)
    {
        var (items, isBatch, _) = JsonBody.ListOrSingle<FeedbackEvent>(body, "events", json.Value.SerializerOptions);
        var result = await users.IngestAsync(items, isBatch);
        ServerMetrics.EventsIngested.Inc(result.Accepted);
        ServerMetrics.Duplicates.Inc(result.Duplicates);
        return TypedResults.Ok(result);
    }
}
