using System.Net;

namespace Encore.Server.Tests;

public sealed class ModelSwapTests
{
    [Fact]
    public async Task Activate_TwentySwapsUnderLoad_NoRequestFails()
    {
        await using var server = await TestServer.StartAsync();
        var register = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/models", TestServer.AdminKey, Json.Body(new { name = "main", path = ModelFiles.Knn })));
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var failures = new List<string>();
        var versions = new HashSet<int>();
        var requests = 0;
        using var stop = new CancellationTokenSource();

        var clients = Enumerable.Range(0, 3).Select(c => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await server.Client.GetAsync($"/api/users/{ModelFiles.User((c * 31 + i) % 100)}/recommendations?k=10");
                    Interlocked.Increment(ref requests);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var text = await response.Content.ReadAsStringAsync();
                        lock (failures) failures.Add($"{response.StatusCode}: {text}");
                        continue;
                    }
                    var version = (await Json.Read(response)).GetProperty("version").GetInt32();
                    lock (versions) versions.Add(version);
                }
                catch (HttpRequestException ex)
                {
                    lock (failures) failures.Add(ex.Message);
                }
            }
        })).ToArray();

        for (var swap = 0; swap < 20; swap++)
        {
            var response = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/models/main/activate", TestServer.AdminKey, Json.Body(new { version = 2 - swap % 2 })));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(25);
        }
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        Assert.True(requests > 20, $"only {requests} requests ran");
        Assert.Equal([1, 2], versions.Order());
    }
}
