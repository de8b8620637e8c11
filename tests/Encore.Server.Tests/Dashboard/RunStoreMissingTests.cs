using System.Net;
using System.Text.Json;

namespace Encore.Server.Tests.Dashboard;

/// <summary>The runs endpoints when runs.path is unset or names a file that does not exist (never created).</summary>
public sealed class RunStoreMissingTests
{
    [Fact]
    public async Task List_NoStoreConfigured_UnavailableWithHint()
    {
        await using var server = await TestServer.StartAsync(preload: false);

        var list = await Json.Read(await server.Client.GetAsync("/api/runs"));

        Assert.False(list.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("store").ValueKind);
        Assert.Contains("runs.path", list.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, list.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task ListAndGet_MissingFile_UnavailableAnd404WithoutCreatingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "encore-no-runs-" + Guid.NewGuid().ToString("N"), "runs.db");
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Runs:Path"] = path }, preload: false);

        var list = await Json.Read(await server.Client.GetAsync("/api/runs"));
        using var one = await server.Client.GetAsync("/api/runs/r1");
        using var report = await server.Client.GetAsync("/api/runs/report?ids=r1");

        Assert.False(list.GetProperty("available").GetBoolean());
        Assert.Equal("runs.db", list.GetProperty("store").GetString());
        Assert.Contains("does not exist", list.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task List_FileIsNotARunStore_ConflictWithMessageNot500()
    {
        var path = Path.Combine(Path.GetTempPath(), "encore-bad-runs-" + Guid.NewGuid().ToString("N") + ".db");
        await File.WriteAllTextAsync(path, "this is not a SQLite database, just text that is long enough to look like a header...");
        try
        {
            await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Runs:Path"] = path }, preload: false);
            using var list = await server.Client.GetAsync("/api/runs");
            using var one = await server.Client.GetAsync("/api/runs/r1");

            Assert.Equal(HttpStatusCode.Conflict, list.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, one.StatusCode);
            Assert.Contains("cannot be read", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
