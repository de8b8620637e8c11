using Encore.Server;
using Microsoft.AspNetCore.Builder;

namespace Encore.Bench.Service;

/// <summary>
/// The in-process server every HTTP benchmark measures: one model, loopback on a free port, its own SQLite store in
/// a fresh temporary folder, rate limiting off and logs at Warning, so the figures are the request path's alone.
/// </summary>
internal static class BenchServer
{
    /// <summary>Builds and starts the server; the caller stops and disposes it.</summary>
    /// <param name="modelPath">The model file to serve.</param>
    /// <param name="folderPrefix">Prefix of the store folder under the temporary folder's encore-bench-service.</param>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(string modelPath, string folderPrefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), "encore-bench-service", folderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var app = EncoreServer.Build(["--urls", "http://127.0.0.1:0", "--model", modelPath], new Dictionary<string, string?>
        {
            ["Store:Path"] = Path.Combine(folder, "encore.db"),
            ["RateLimit:Enabled"] = "false",
            ["Server:JsonLogs"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        return (app, new Uri(EncoreServer.Addresses(app)[0]));
    }
}
