using System.Net;
using Encore.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Tests;

public sealed class ServerConfigurationTests
{
    [Fact]
    public async Task Ready_NoModel_Is503()
    {
        await using var server = await TestServer.StartAsync(preload: false);

        var response = await server.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task RateLimit_OverPermit_Is429()
    {
        await using var server = await TestServer.StartAsync(new() { ["RateLimit:PermitLimit"] = "3", ["RateLimit:WindowSeconds"] = "600" });
        var codes = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++) codes.Add((await server.Client.GetAsync($"/api/users/{ModelFiles.User(0)}/recommendations")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429, (HttpStatusCode)429], codes);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public void Build_InvalidOptions_FailsAtStartNamingOptions()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build([], new Dictionary<string, string?>
        {
            ["Serving:MaxK"] = "0",
            ["Security:ApiKeys:0"] = "shared-key-0123456789",
            ["Security:AdminKeys:0"] = "shared-key-0123456789",
            ["Models:Preload:0"] = "other=/no/such.bin",
            ["Models:Preload:1"] = "second=/no/such2.bin",
        }));

        Assert.Contains(ex.Failures, f => f.Contains("serving.max_k", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("in both api_keys and admin_keys", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("not the default model 'main'; set the option models.default", StringComparison.Ordinal));
    }

    [Fact]
    public void TomlSource_SnakeCaseKeysAndArrays_BindToOptions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, """
            [serving]
            max_k = 50
            [security]
            api_keys = ["abcdefghijklmnopq"]
            [retrain]
            enabled = true
            interval_minutes = 5.5
            [retrain.weights]
            skip = -0.5
            """);
        try
        {
            var config = new ConfigurationBuilder().Add(new TomlConfigurationSource(path)).Build();
            var options = config.Get<EncoreServerOptions>()!;

            Assert.Equal(50, options.Serving.MaxK);
            Assert.Equal(["abcdefghijklmnopq"], options.Security.ApiKeys);
            Assert.True(options.Retrain.Enabled);
            Assert.Equal(5.5, options.Retrain.IntervalMinutes);
            Assert.Equal(-0.5f, options.Retrain.Weights.Skip);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TomlSource_SyntaxError_NamesFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "[serving]\nmax_k = = 3\n");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().Add(new TomlConfigurationSource(path)).Build());

            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EnvironmentSource_EncorePrefix_MapsLevelsAndUnderscores()
    {
        var config = new ConfigurationBuilder().Add(new EncoreEnvironmentSource(new Dictionary<string, string>
        {
            ["ENCORE_SERVING__MAX_K"] = "77",
            ["ENCORE_STORE__PATH"] = "/tmp/x.db",
            ["OTHER_SERVING__MAX_K"] = "1",
        })).Build();

        var options = config.Get<EncoreServerOptions>()!;

        Assert.Equal((77, "/tmp/x.db"), (options.Serving.MaxK, options.Store.Path));
    }

    [Fact]
    public void Build_TypoInConfigFile_FailsNamingFileKeyAndLikelyOption()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "[serving]\nmax_kk = 5\n[retrain.weights]\nplay = 2\nlikes = 1\n[bandits]\npolicy = \"greedy\"\n");
        try
        {
            var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build(["--config", path]));

            Assert.Equal(3, ex.Failures.Count());
            Assert.Contains(ex.Failures, f => f.Contains(path, StringComparison.Ordinal) && f.Contains("unknown option serving.maxkk; did you mean serving.max_k?", StringComparison.Ordinal));
            Assert.Contains(ex.Failures, f => f.Contains("unknown option retrain.weights.likes; did you mean retrain.weights.like?", StringComparison.Ordinal));
            Assert.Contains(ex.Failures, f => f.Contains("unknown option bandits; did you mean bandit?", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Build_UnknownSectionedKeyOnCommandLine_Fails()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build(["--Cluster:SiloPrt", "11112"]));

        Assert.Contains(ex.Failures, f => f.StartsWith("command line: unknown option cluster.siloprt; did you mean cluster.silo_port?", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownOptionKeys_SampleConfigHostSectionsListsAndRetiredKeys_NoneReported()
    {
        var sample = new TomlConfigurationSource(Path.Combine(RepositoryRoot(), "encore.sample.toml"));
        var extra = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Kestrel:Limits:MaxConcurrentConnections"] = "10",
            ["Security:ApiKeys:3"] = "abcdefghijklmnopq",
            ["Serving:ReducedPrecision"] = "true",
            ["Bandit:Rewards:PlaylistAdd"] = "0.5",
        };

        Assert.Empty(UnknownOptionKeys.Find(Provider(sample), "sample"));
        Assert.Empty(UnknownOptionKeys.Find(Provider(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = extra }), "extra"));
        Assert.Equal(["x: unknown option security.api_keys.first (every option: encore.sample.toml)"],
            UnknownOptionKeys.Find(Provider(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?> { ["Security:ApiKeys:first"] = "abcdefghijklmnopq" },
            }), "x"));
    }

    [Fact]
    public void UnknownOptionKeys_SingleLevelEnvironmentVariables_BelongToTheCli()
    {
        var env = new EncoreEnvironmentSource(new Dictionary<string, string>
        {
            ["ENCORE_DEBUG"] = "1",
            ["ENCORE_TEST_POSTGRES"] = "postgres://x@127.0.0.1:1/y",
            ["ENCORE_SERVING__MAX_KK"] = "3",
        });

        Assert.Equal(["env: unknown option serving.maxkk; did you mean serving.max_k? (every option: encore.sample.toml)"],
            UnknownOptionKeys.Find(Provider(env), "env", sectionsOnly: true));
    }

    private static IConfigurationProvider Provider(IConfigurationSource source)
    {
        var provider = source.Build(new ConfigurationBuilder());
        provider.Load();
        return provider;
    }

    // A port in use was reported after the host had logged "Hosting failed to start" with a stack trace (exit 4).
    [Theory]
    [InlineData("--urls")]
    [InlineData("--Server:Urls")]
    public async Task RunAsync_PortInUse_FailsNamingTheAddress(string option)
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var store = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.db");
        try
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
                EncoreServer.RunAsync([option, $"http://127.0.0.1:{port}", "--Store:Path", store]));

            Assert.Equal($"server.urls: 127.0.0.1:{port} (from http://127.0.0.1:{port}) is already in use by another process; stop that process or choose another address with --urls.",
                Assert.Single(ex.Failures));
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(store) + "*")) File.Delete(f);
        }
    }

    [Fact]
    public void Build_WrongTypeInConfigFile_NamesTheOptionAsTheFileSpellsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "[serving]\nmax_k = \"lots\"\n");
        try
        {
            var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build(["--config", path]));

            Assert.Equal("serving.max_k: 'lots' is not a whole number between -2147483648 and 2147483647.", Assert.Single(ex.Failures)); // was "Serving:MaxK: ..."
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SampleConfig_InRepository_IsValid()
    {
        var sample = Path.Combine(RepositoryRoot(), "encore.sample.toml");
        var config = new ConfigurationBuilder().Add(new TomlConfigurationSource(sample)).Build();
        var options = config.Get<EncoreServerOptions>()!;

        var result = new ServerOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    internal static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Encore.slnx"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        return dir;
    }
}
