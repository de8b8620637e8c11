using System.Text.Json;
using Encore.Online;

namespace Encore.Server.Endpoints;

/// <summary>Bodies that may hold one object, an array, or {"property": [...], "idempotencyKey": "..."}.</summary>
internal static class JsonBody
{
    public static (List<T?> Items, bool IsBatch, string? IdempotencyKey) ListOrSingle<T>(JsonElement body, string property, JsonSerializerOptions options)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.Array:
                return (Read<List<T?>>(body, options, property) ?? [], true, null);
            case JsonValueKind.Object when TryGet(body, property, out var list):
                if (list.ValueKind != JsonValueKind.Array) throw OnlineRequestException.Invalid(property, $"'{property}' must be an array.");
                var key = TryGet(body, "idempotencyKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                return (Read<List<T?>>(list, options, property) ?? [], true, key);
            case JsonValueKind.Object:
                return ([Read<T>(body, options, null)], false, null);
            default:
                throw OnlineRequestException.Invalid("", $"The body is a JSON {body.ValueKind.ToString().ToLowerInvariant()}; expected an object or an array.");
        }
    }

    // A value of the wrong JSON kind names its place as the batch does ("events[2].timestamp"), not as the reader
    // sees the list it was handed ("$[2].timestamp").
    private static TValue? Read<TValue>(JsonElement element, JsonSerializerOptions options, string? list)
    {
        try
        {
            return element.Deserialize<TValue>(options);
        }
        catch (JsonException ex) when (list is not null && ex.Path is { } path && path.StartsWith("$[", StringComparison.Ordinal))
        {
            throw new JsonException(ex.Message, "$." + list + path[1..], ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    private static bool TryGet(JsonElement body, string name, out JsonElement value)
    {
        foreach (var p in body.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>Query lists may repeat the parameter or separate ids by commas.</summary>
    public static List<string>? SplitList(string[]? values)
    {
        if (values is null || values.Length == 0) return null;
        var list = new List<string>();
        foreach (var v in values) list.AddRange(v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return list;
    }
}
