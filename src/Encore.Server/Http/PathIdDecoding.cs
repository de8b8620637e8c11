using Microsoft.AspNetCore.Http.Features;

namespace Encore.Server.Http;

/// <summary>
/// Decodes every id in a URL path exactly once. Kestrel decodes a path except "%2F" (so a route value for
/// <c>/api/users/%C3%BC%2Fser%202/...</c> would be the literal <c>ü%2Fser 2</c>, and a literal "%2F" sent as
/// "%252F" would become ambiguous). After routing, each route value is replaced by the percent-decoding of the
/// raw request segment it came from, so <c>%2F</c> is "/" and <c>%252F</c> is the three characters "%2F".
/// Clients percent-encode ids as one path segment (RFC 3986, e.g. JavaScript's encodeURIComponent).
/// </summary>
internal static class PathIdDecoding
{
    public static IApplicationBuilder UsePathIdDecoding(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        Decode(context);
        return next(context);
    });

    private static void Decode(HttpContext context)
    {
        var values = context.Request.RouteValues;
        if (values.Count == 0) return;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !raw.StartsWith('/')) return;
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var rawSegments = (query >= 0 ? raw[..query] : raw).Split('/');
        var decodedSegments = (context.Request.PathBase + context.Request.Path).Value?.Split('/') ?? [];
        if (rawSegments.Length != decodedSegments.Length) return; // never guess when the two do not line up
        foreach (var key in values.Keys.ToArray())
        {
            if (values[key] is not string value || value.Length == 0) continue;
            var at = Array.IndexOf(decodedSegments, value);
            if (at < 0 || !rawSegments[at].Contains('%', StringComparison.Ordinal)) continue;
            values[key] = Uri.UnescapeDataString(rawSegments[at]);
        }
    }
}
