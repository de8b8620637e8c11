using System.Net;
using System.Net.Sockets;

namespace Encore.Server.Hosting;

/// <summary>
/// Checks, just before the server starts, that each listen address (<c>server.urls</c> / <c>--urls</c>) with an IP or
/// <c>localhost</c> host and a fixed port can be bound. Kestrel's own failure for a port in use came after the host had
/// logged "Hosting failed to start" with a full stack trace (found by s13-user2); this names the address and what to do
/// instead. Another process may still take the port between the check and the start: Kestrel's failure then stands.
/// </summary>
internal static class ListenAddressCheck
{
    /// <summary>One message per address already in use, e.g. "server.urls: 127.0.0.1:5080 is already in use ...".</summary>
    public static List<string> InUse(string? urls)
    {
        var problems = new List<string>();
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port <= 0) continue;
            var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _) ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
            if (address is null || Bindable(new IPEndPoint(address, uri.Port))) continue;
            problems.Add($"server.urls: {address}:{uri.Port} (from {url}) is already in use by another process; stop that process or choose another address with --urls.");
        }
        return problems;
    }

    private static bool Bindable(IPEndPoint endpoint)
    {
        try
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(endpoint);
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // another problem (no such address here): Kestrel reports it in its own words
        }
    }
}
