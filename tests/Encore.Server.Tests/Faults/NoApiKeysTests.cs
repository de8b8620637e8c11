using System.Text.Json;
using Encore.Server.Configuration;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Encore.Server.Tests.Faults;

/// <summary>
/// A server started without keys (the default, and docs/deployment.md's single-process example) answered every write and
/// admin call "This endpoint needs an API key in the X-Api-Key header", though no key could pass: a new user could not post
/// feedback and was not told why. It now says that the server has no keys and how to start it with one.
/// </summary>
public sealed class NoApiKeysTests
{
    private static async Task<(int Status, string Title, string Detail, bool Passed)> Call(ApiKeyRole role, string? key, List<string> writeKeys, List<string> adminKeys)
    {
        var passed = false;
        var options = Options.Create(new EncoreServerOptions { Security = new SecuritySection { ApiKeys = writeKeys, AdminKeys = adminKeys } });
        var sut = new ApiKeyMiddleware(_ => { passed = true; return Task.CompletedTask; }, options, NullLogger<ApiKeyMiddleware>.Instance);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new RequiresApiKey(role)), "test"));
        if (key is not null) context.Request.Headers[ApiKeyMiddleware.Header] = key;

        await sut.InvokeAsync(context);

        if (passed) return (context.Response.StatusCode, "", "", true);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, body.RootElement.GetProperty("title").GetString()!, body.RootElement.GetProperty("detail").GetString()!, false);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("some-key-0123456789")]
    public async Task Write_ServerWithoutKeys_SaysItHasNoKeysAndHowToGiveOne(string? key)
    {
        var (status, title, detail, passed) = await Call(ApiKeyRole.Write, key, [], []);

        Assert.False(passed);
        Assert.Equal(401, status);
        Assert.Equal("No API keys configured", title);
        Assert.Contains("started without API keys", detail, StringComparison.Ordinal);
        Assert.Contains("ENCORE_SECURITY__API_KEYS__0=<key>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ServerWithWriteKeysOnly_SaysItHasNoAdminKeys()
    {
        var (status, title, detail, _) = await Call(ApiKeyRole.Admin, "write-key-0123456789", ["write-key-0123456789"], []);

        Assert.Equal((401, "No API keys configured"), (status, title));
        Assert.Contains("ENCORE_SECURITY__ADMIN_KEYS__0=<key>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ServerWithAdminKeyOnly_AcceptsTheAdminKeyAndAsksForOneOtherwise()
    {
        Assert.True((await Call(ApiKeyRole.Write, "admin-key-0123456789", [], ["admin-key-0123456789"])).Passed);
        Assert.Equal("API key required", (await Call(ApiKeyRole.Write, null, [], ["admin-key-0123456789"])).Title);
    }
}
