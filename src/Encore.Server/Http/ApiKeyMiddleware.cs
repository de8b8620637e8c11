using System.Security.Cryptography;
using System.Text;
using Encore.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Http;

/// <summary>
/// Checks the X-Api-Key header against the endpoint's role before anything else runs: no key -> 401, an
/// unknown key -> 401, a valid write key on an admin endpoint -> 403. Keys are compared in constant time.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<EncoreServerOptions> options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[][] _writeKeys = [.. options.Value.Security.ApiKeys.Select(Encoding.UTF8.GetBytes)];
    private readonly byte[][] _adminKeys = [.. options.Value.Security.AdminKeys.Select(Encoding.UTF8.GetBytes)];
    private readonly bool _keyForReads = options.Value.Security.RequireKeyForReads;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = context.GetEndpoint()?.Metadata.GetMetadata<RequiresApiKey>()?.Role ?? ApiKeyRole.Read;
        if (role == ApiKeyRole.Read && !_keyForReads) return next(context);
        var given = context.Request.Headers[Header].ToString();
        if (given.Length == 0)
            return Problems.Write(context, StatusCodes.Status401Unauthorized, "API key required",
                $"This endpoint needs an API key in the {Header} header{(role == ApiKeyRole.Admin ? " (an admin key)" : "")}.");
        var bytes = Encoding.UTF8.GetBytes(given);
        var admin = Matches(bytes, _adminKeys);
        var write = admin || Matches(bytes, _writeKeys);
        if (!write)
            return Problems.Write(context, StatusCodes.Status401Unauthorized, "Invalid API key", $"The key in the {Header} header is not a key this server knows.");
        if (role == ApiKeyRole.Admin && !admin)
            return Problems.Write(context, StatusCodes.Status403Forbidden, "Admin key required", "This endpoint changes models; it needs an admin key, and the key given is a write key.");
        return next(context);
    }

    private static bool Matches(byte[] given, byte[][] keys)
    {
        var found = false;
        foreach (var key in keys) found |= key.Length == given.Length && CryptographicOperations.FixedTimeEquals(key, given);
        return found;
    }
}
