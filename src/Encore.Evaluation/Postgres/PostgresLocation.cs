using System.Globalization;
using Encore.Core.Errors;
using Npgsql;

namespace Encore.Evaluation.Postgres;

/// <summary>
/// Tells a PostgreSQL store location from a SQLite file path and turns it into an Npgsql connection string.
/// Accepted forms: a URI <c>postgres://user:password@host:port/database?search_path=s&amp;sslmode=disable</c>
/// (also <c>postgresql://</c>), or an Npgsql key/value string with a <c>Host=</c> key. Everything else is a file path.
/// </summary>
public static class PostgresLocation
{
    /// <summary>True when <paramref name="location"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgres(string? location) =>
        location is not null
        && (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || IsKeyValue(location));

    /// <summary>The Npgsql connection string for a location accepted by <see cref="IsPostgres"/>.</summary>
    /// <exception cref="ArgumentException">The URI is malformed or has an unknown query parameter.</exception>
    public static string ToConnectionString(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!IsPostgres(location)) throw new ArgumentException($"'{location}' is not a PostgreSQL location (expected postgres://... or Host=...).", nameof(location));
        if (IsKeyValue(location)) return new NpgsqlConnectionStringBuilder(location).ConnectionString;
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"'{Redact(location)}' is not a valid URI; expected postgres://user:password@host:port/database.", nameof(location));
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                builder[QueryKey(key)] = value;
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"'{Redact(location)}': query parameter '{key}' is not an Npgsql connection setting ({Guard.PlainMessage(ex).TrimEnd('.')}).", nameof(location), ex);
            }
        }
        return builder.ConnectionString;
    }

    /// <summary>The location with any password replaced by <c>***</c>, for logs and error messages.</summary>
    public static string Redact(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (IsKeyValue(location))
        {
            var builder = new NpgsqlConnectionStringBuilder(location);
            if (builder.Password is not null) builder.Password = "***";
            return builder.ConnectionString;
        }
        var at = location.LastIndexOf('@');
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0) return location;
        var colon = location.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(location.AsSpan(0, colon + 1), "***", location.AsSpan(at)) : location;
    }

    // An Npgsql key/value string: some "Host=" or "Server=" key (a file path has no such segment).
    private static bool IsKeyValue(string location) =>
        location.Split(';').Any(part => part.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || part.TrimStart().StartsWith("Server=", StringComparison.OrdinalIgnoreCase));

    // libpq-style names used in URIs map onto Npgsql's keywords; others pass through as Npgsql keywords.
    private static string QueryKey(string key) => key.ToLower(CultureInfo.InvariantCulture) switch
    {
        "sslmode" => "SSL Mode",
        "search_path" => "Search Path",
        "application_name" => "Application Name",
        "connect_timeout" => "Timeout",
        "user" => "Username",
        _ => key,
    };
}
