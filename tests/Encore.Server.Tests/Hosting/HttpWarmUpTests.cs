using System.Net;
using Encore.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Encore.Server.Tests.Hosting;

/// <summary>
/// The server's request to itself on start (<see cref="HttpWarmUp"/>): the first client request took 227-394 ms on the
/// demo service because it compiled the HTTP pipeline; the server now sends /health/live to its own loopback address
/// once it listens. Which address it picks, and that the request is answered on a real server.
/// </summary>
public sealed class HttpWarmUpTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/health/live")]
    [InlineData("http://localhost:5080", "http://localhost:5080/health/live")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/health/live")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/health/live")]
    [InlineData("http://[::]:80", "http://[::1]/health/live")]
    [InlineData("http://*:5080", "http://127.0.0.1:5080/health/live")]
    [InlineData("http://+:5080", "http://127.0.0.1:5080/health/live")]
    public void Target_LoopbackOrEveryInterface_TheLivenessProbeThroughLoopback(string address, string expected)
    {
        Assert.Equal(new Uri(expected), HttpWarmUp.Target([address]));
    }

    [Theory]
    [InlineData("https://127.0.0.1:5443")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://example.org:5080")]
    [InlineData("unix:/tmp/encore.sock")]
    [InlineData("not an address")]
    public void Target_NoPlainHttpOnThisMachine_Null(string address)
    {
        Assert.Null(HttpWarmUp.Target([address]));
    }

    [Fact]
    public void Target_NoAddress_Null()
    {
        Assert.Null(HttpWarmUp.Target([]));
    }

    [Fact]
    public void Target_SeveralAddresses_TheFirstUsable()
    {
        Assert.Equal(new Uri("http://127.0.0.1:9000/health/live"),
            HttpWarmUp.Target(["https://127.0.0.1:5443", "http://10.1.2.3:5080", "http://0.0.0.0:9000", "http://127.0.0.1:9001"]));
    }

    [Fact]
    public async Task Start_RealServer_SendsItselfTheProbeAndItIsAnswered()
    {
        await using var server = await TestServer.StartAsync(preload: false);

        var status = await server.Services.GetRequiredService<HttpWarmUp>().Completed.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
