using Encore.Online.Feedback;
using Encore.Online.Store;

namespace Encore.Online.Catalogue;

/// <summary>
/// Users and tracks (catalogue updates): validated, upserted by external id in one durable transaction per
/// call; a repeated idempotency key returns "duplicate" without writing again.
/// </summary>
public sealed class CatalogueService(ICatalogueStore repository, OnlineOptions options)
{
    public CatalogueResult UpsertUsers(IReadOnlyList<UserUpdate?>? users, string? idempotencyKey = null)
    {
        var list = Check(users, "users", u => u?.Id, idempotencyKey);
        for (var i = 0; i < list.Count; i++)
            if (list[i].Attributes is { Count: > 100 }) throw OnlineRequestException.Invalid($"users[{i}].attributes", "at most 100 attributes per user.");
        return repository.UpsertUsers(list, idempotencyKey);
    }

    public CatalogueResult UpsertTracks(IReadOnlyList<TrackUpdate?>? tracks, string? idempotencyKey = null)
    {
        var list = Check(tracks, "tracks", t => t?.Id, idempotencyKey);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].DurationMs is { } d && (d < 0 || d > 86_400_000))
                throw OnlineRequestException.Invalid($"tracks[{i}].durationMs", $"{d} is outside 0..86,400,000 ms.");
            // A null genre was stored as an empty one (the column joins genres with '|').
            if (list[i].Genres is { } genres && Array.FindIndex(genres, g => string.IsNullOrWhiteSpace(g) || g.Contains('|', StringComparison.Ordinal)) is var bad and >= 0)
                throw OnlineRequestException.Invalid($"tracks[{i}].genres[{bad}]", $"tracks[{i}].genres[{bad}] is {(genres[bad] is null ? "null" : $"'{genres[bad]}'")}; expected a non-empty genre name without '|'.");
        }
        return repository.UpsertTracks(list, idempotencyKey);
    }

    private List<T> Check<T>(IReadOnlyList<T?>? rows, string field, Func<T?, string?> id, string? key) where T : class
    {
        if (rows is null || rows.Count == 0) throw OnlineRequestException.Invalid(field, "is empty; send at least one entry.");
        if (rows.Count > options.MaxBatchSize) throw OnlineRequestException.Invalid(field, $"holds {rows.Count} entries; at most {options.MaxBatchSize} per call.");
        if (key is not null && (string.IsNullOrWhiteSpace(key) || key.Length > EventValidator.MaxIdLength))
            throw OnlineRequestException.Invalid("idempotencyKey", $"must be a non-empty string of at most {EventValidator.MaxIdLength} characters.");
        var list = new List<T>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var problems = new List<(string Field, string Message)>();
            if (rows[i] is null) problems.Add(("", "is null; expected an object with an id."));
            else EventValidator.CheckId(id(rows[i]), "id", required: true, problems);
            if (problems.Count == 0)
            {
                list.Add(rows[i]!);
                continue;
            }
            // "users[0] is null; ..." (a whole entry), "users[0].id is empty; ..." (one of its fields).
            var name = problems[0].Field.Length == 0 ? $"{field}[{i}]" : $"{field}[{i}].{problems[0].Field}";
            throw OnlineRequestException.Invalid(name, $"{name} {problems[0].Message}");
        }
        return list;
    }
}
