namespace Encore.Server.Http;

/// <summary>Which keys an endpoint accepts.</summary>
public enum ApiKeyRole
{
    /// <summary>Open unless security.require_key_for_reads.</summary>
    Read,
    /// <summary>Write endpoints: an api key or an admin key.</summary>
    Write,
    /// <summary>Admin endpoints: an admin key only.</summary>
    Admin,
}

/// <summary>Endpoint metadata naming the role; read by <see cref="ApiKeyMiddleware"/> before the body is bound.</summary>
public sealed record RequiresApiKey(ApiKeyRole Role);

/// <summary>Marks endpoints with their key role.</summary>
public static class ApiKeyEndpointExtensions
{
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, ApiKeyRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresApiKey(role));
}
