using Encore.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace Encore.Server.Tests;

public sealed class RunsConfigurationTests
{
    [Fact]
    public void EnvironmentSource_EncoreRunsPath_BindsRunsPath()
    {
        var config = new ConfigurationBuilder().Add(new EncoreEnvironmentSource(new Dictionary<string, string>
        {
            ["ENCORE_RUNS__PATH"] = "/tmp/encore-runs.db",
        })).Build();

        var options = config.Get<EncoreServerOptions>()!;

        Assert.Equal("/tmp/encore-runs.db", options.Runs.Path);
        Assert.True(new ServerOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void TomlSource_RunsSection_BindsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "[runs]\npath = \"runs/encore.db\"\n");
        try
        {
            var options = new ConfigurationBuilder().Add(new TomlConfigurationSource(path)).Build().Get<EncoreServerOptions>()!;

            Assert.Equal("runs/encore.db", options.Runs.Path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_RunsPathIsFolder_FailsNamingOption()
    {
        var options = new EncoreServerOptions { Runs = new RunsSection { Path = Path.GetTempPath() } };

        var result = new ServerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith("runs.path", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_NoRunsSection_PathUnsetAndValid()
    {
        var options = new EncoreServerOptions();

        Assert.Null(options.Runs.Path);
        Assert.True(new ServerOptionsValidator().Validate(null, options).Succeeded);
    }
}
