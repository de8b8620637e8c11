using Encore.Online.Serving;

namespace Encore.Online.Tests.Serving;

// Requests without a model name: one served model is the default whatever its name; with several, the
// configured default; else an error that names the option.
public sealed class DefaultModelTests : IDisposable
{
    private readonly EngineScope _scope = new();

    private static string KnownUser => TestWorld.Matrix.Users[0];

    public void Dispose() => _scope.Dispose();

    [Fact]
    public void ForUser_OneModelNotNamedMain_ServesIt()
    {
        _scope.Engine.Serve("s1-wmf", TestWorld.AlsPath);

        var response = _scope.Engine.Recommendations.ForUser(new UserRecommendationRequest { User = KnownUser, K = 3 });

        Assert.Equal("s1-wmf", response.Model);
    }

    [Fact]
    public void ForUser_TwoModelsNeitherTheDefault_ErrorNamesTheOption()
    {
        _scope.Engine.Serve("a", TestWorld.AlsPath);
        _scope.Engine.Serve("b", TestWorld.AlsPath);

        var error = Assert.Throws<OnlineRequestException>(() => _scope.Engine.Recommendations.ForUser(new UserRecommendationRequest { User = KnownUser, K = 3 }));

        Assert.Contains("models.default", error.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForUser_TwoModelsOneTheDefault_ServesTheDefault()
    {
        _scope.Engine.Serve("other", TestWorld.AlsPath);
        _scope.Engine.Serve("main", TestWorld.AlsPath);

        var response = _scope.Engine.Recommendations.ForUser(new UserRecommendationRequest { User = KnownUser, K = 3 });

        Assert.Equal("main", response.Model);
    }
}
