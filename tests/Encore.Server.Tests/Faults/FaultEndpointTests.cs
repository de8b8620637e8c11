using System.Net;
using System.Net.Http.Json;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Neighbourhood;

namespace Encore.Server.Tests.Faults;

/// <summary>The HTTP examples of issue 12: encoded ids, a hostile model file, retrain of an unknown name, no-signal users and tracks.</summary>
public sealed class FaultEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private string _model = "";

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(preload: false);
        // Users "ü/ser 2" {a/b c, t2}, u2 {a/b c, t2, t3}, u3 {t2, t3}, "uskip" (a zero total: no signal); "tnone" only in the catalogue.
        var data = new TrainingData(
            CsrMatrix.FromTriples(4, 5, [0, 0, 1, 1, 1, 2, 2, 3], [0, 1, 0, 1, 2, 1, 2, 1], [1f, 1f, 1f, 1f, 1f, 1f, 1f, 0f]),
            IdMap.FromIds(["ü/ser 2", "u2", "u3", "uskip"]), IdMap.FromIds(["a/b c", "t2", "t3", "t4", "tnone"]));
        _model = Path.Combine(_server.Folder, "knn.bin");
        ModelFile.Save(new ItemKnnTrainer(new ItemKnnOptions { Threads = 1 }).Fit(data), _model);
        var register = await _server.Client.SendAsync(_server.Request(HttpMethod.Post, "/api/models", TestServer.AdminKey,
            JsonContent.Create(new { name = "main", path = _model, activate = true })));
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Recommendations_EncodedUserId_IsDecodedOnce()
    {
        var response = await _server.Client.GetAsync("/api/users/%C3%BC%2Fser%202/recommendations?k=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.Read(response);
        Assert.Equal("ü/ser 2", body.GetProperty("user").GetString());
        Assert.Equal("model", body.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Recommendations_DoublyEncodedSlash_IsTheLiteralPercentText()
    {
        var response = await _server.Client.GetAsync("/api/users/%C3%BC%252Fser%202/recommendations?k=3");

        var body = await Json.Read(response);
        Assert.Equal("ü%2Fser 2", body.GetProperty("user").GetString());
        Assert.Equal("popularity", body.GetProperty("path").GetString());
    }

    [Fact]
    public async Task SimilarAndExplanation_EncodedTrackId_AreDecoded()
    {
        var similar = await _server.Client.GetAsync("/api/tracks/a%2Fb%20c/similar?k=2");
        var explanation = await _server.Client.GetAsync("/api/users/u3/recommendations/a%2Fb%20c/explanation");

        Assert.Equal(HttpStatusCode.OK, similar.StatusCode);
        Assert.Equal("a/b c", (await Json.Read(similar)).GetProperty("track").GetString());
        Assert.Equal(HttpStatusCode.OK, explanation.StatusCode);
    }

    [Fact]
    public async Task OpenApi_SaysHowIdsAreEncoded()
    {
        var text = await _server.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("percent-encoded", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendations_UserWithoutSignal_FallsBackAndSaysSo()
    {
        var body = await Json.Read(await _server.Client.GetAsync("/api/users/uskip/recommendations?k=5"));

        Assert.Equal("popularity", body.GetProperty("path").GetString());
        Assert.Equal("no-positive-signal", body.GetProperty("reason").GetString());
        Assert.DoesNotContain("tnone", Json.Tracks(body));
        Assert.DoesNotContain("t2", Json.Tracks(body)); // skipped: seen
    }

    [Fact]
    public async Task Similar_TrackWithoutSignal_AnswersColdStart()
    {
        var body = await Json.Read(await _server.Client.GetAsync("/api/tracks/tnone/similar?k=3"));

        Assert.Equal("popularity", body.GetProperty("path").GetString());
        Assert.DoesNotContain("tnone", Json.Tracks(body));
    }

    [Fact]
    public async Task RegisterModel_HostileHeader_Is400NamingTheFile()
    {
        var path = Path.Combine(_server.Folder, "hostile.bin");
        await File.WriteAllBytesAsync(path, [.. "ENCOREMF"u8, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, .. "als"u8]);

        var response = await _server.Client.SendAsync(_server.Request(HttpMethod.Post, "/api/models", TestServer.AdminKey,
            JsonContent.Create(new { name = "evil", path })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hostile.bin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrain_UnknownName_Is404AndCreatesNothing()
    {
        var response = await _server.Client.SendAsync(_server.Request(HttpMethod.Post, "/api/models/nope/retrain", TestServer.AdminKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var list = await _server.Client.SendAsync(_server.Request(HttpMethod.Get, "/api/models", TestServer.AdminKey));
        Assert.DoesNotContain("\"nope\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
