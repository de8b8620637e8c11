using Encore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Encore.Server.Tests;

/// <summary>
/// A real Encore server on 127.0.0.1 (Kestrel, a free port) over a SQLite file in its own temp folder,
/// with the ALS model preloaded as "main" and an HttpClient pointed at it.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string WriteKey = "write-key-0123456789";
    public const string AdminKey = "admin-key-0123456789";

    private readonly WebApplication _app;

    private TestServer(WebApplication app, string folder, Uri address)
    {
        _app = app;
        Folder = folder;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Folder { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestServer> StartAsync(Dictionary<string, string?>? settings = null, bool preload = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "encore-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var overrides = new Dictionary<string, string?>
        {
            ["Store:Path"] = Path.Combine(folder, "encore.db"),
            ["Models:Directory"] = Path.Combine(folder, "models"),
            ["Security:ApiKeys:0"] = WriteKey,
            ["Security:AdminKeys:0"] = AdminKey,
            ["Server:JsonLogs"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Retrain:Factors"] = "8",
            ["Retrain:Iterations"] = "3",
        };
        foreach (var (key, value) in settings ?? []) overrides[key] = value;
        string[] args = preload ? ["--urls", "http://127.0.0.1:0", "--model", ModelFiles.Als] : ["--urls", "http://127.0.0.1:0"];
        var app = EncoreServer.Build(args, overrides);
        await app.StartAsync();
        var address = EncoreServer.Addresses(app).First();
        return new TestServer(app, folder, new Uri(address));
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? key = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
