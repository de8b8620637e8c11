using System.Security.Cryptography;
using System.Text;
using Encore.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Http;

/// <summary>
/// Checks the X-Api-Key header against the endpoint's role before anything else runs: no key -> 401, an
/// unknown key -> 401, a valid write key on an admin endpoint -> 403. Keys are compared in constant time.
/// A server started without any key for the role (the default: both lists empty) answers 401 saying so and how to
/// give it one, since no header could pass; it used to ask for "an API key in the X-Api-Key header" that did not exist.
/// </summary>
public sealed partial class ApiKeyMiddleware
{
    public const string Header = "X-Api-Key";

    private readonly RequestDelegate _next;
    private readonly byte[][] _writeKeys;
    private readonly byte[][] _adminKeys;
    private readonly bool _keyForReads;

    public ApiKeyMiddleware(RequestDelegate next, IOptions<EncoreServerOptions> options, ILogger<ApiKeyMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _writeKeys = [.. options.Value.Security.ApiKeys.Select(Encoding.UTF8.GetBytes)];
        _adminKeys = [.. options.Value.Security.AdminKeys.Select(Encoding.UTF8.GetBytes)];
        _keyForReads = options.Value.Security.RequireKeyForReads;
        if (_adminKeys.Length == 0) NoKeys(logger, _writeKeys.Length == 0 ? "write and admin" : "admin");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Endpoints} keys are configured, so those endpoints answer 401 to every request; give keys with ENCORE_SECURITY__API_KEYS__0 / ENCORE_SECURITY__ADMIN_KEYS__0 or security.api_keys / security.admin_keys (docs/service.md)")]
    private static partial void NoKeys(ILogger logger, string endpoints);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = context.GetEndpoint()?.Metadata.GetMetadata<RequiresApiKey>()?.Role ?? ApiKeyRole.Read;
        if (role == ApiKeyRole.Read && !_keyForReads) return _next(context);
        if (_adminKeys.Length == 0 && (role == ApiKeyRole.Admin || _writeKeys.Length == 0))
            return Problems.Write(context, StatusCodes.Status401Unauthorized, "No API keys configured",
                role == ApiKeyRole.Admin
                    ? "This server was started without admin keys, so no request can use this endpoint; restart it with one, e.g. ENCORE_SECURITY__ADMIN_KEYS__0=<key> (or security.admin_keys in the config file), and send it in the X-Api-Key header (docs/service.md)."
                    : "This server was started without API keys, so no request can write; restart it with one, e.g. ENCORE_SECURITY__API_KEYS__0=<key> (or security.api_keys in the config file), and send it in the X-Api-Key header (docs/service.md).");
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
        return _next(context);
    }

    private static bool Matches(byte[] given, byte[][] keys)
    {
        var found = false;
        foreach (var key in keys) found |= key.Length == given.Length && CryptographicOperations.FixedTimeEquals(key, given);
        return found;
    }
}
