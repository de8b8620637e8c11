using Encore.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Tests;

/// <summary>The [bandit] section: TOML binding, the serving layer's options, and validation at start.</summary>
public sealed class BanditConfigurationTests
{
    [Fact]
    public void TomlSource_BanditSection_BindsToOnlineOptions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, """
            [bandit]
            policy = "thompson"
            thompson_scale = 0.3
            pool_size = 50
            avoid_repeats = 0
            content = "audio"
            components = 4
            bias = false
            seed = 7
            [bandit.rewards]
            skip = -1.0
            playlist_add = 0.5
            """);
        try
        {
            var options = new ConfigurationBuilder().Add(new TomlConfigurationSource(path)).Build().Get<EncoreServerOptions>()!;
            var bandit = options.ToOnline().Bandit;
            Assert.Equal(("thompson", 0.3, 50, 0, "audio", 4, false, 7UL), (bandit.Policy, bandit.ThompsonScale, bandit.PoolSize, bandit.AvoidRepeats, bandit.Content, bandit.Components, bandit.Bias, bandit.Seed));
            Assert.Equal((1.0, -1.0, 0.5), (bandit.Rewards.Like, bandit.Rewards.Skip, bandit.Rewards.PlaylistAdd));
            Assert.True(new ServerOptionsValidator().Validate(null, options).Succeeded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Build_InvalidBanditOptions_FailsAtStartNamingEach()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => EncoreServer.Build([], new Dictionary<string, string?>
        {
            ["Bandit:Policy"] = "ucb2",
            ["Bandit:Alpha"] = "-1",
            ["Bandit:Epsilon"] = "1.5",
            ["Bandit:PoolSize"] = "0",
            ["Bandit:Content"] = "lyrics",
            ["Bandit:Rewards:Like"] = "NaN",
        }));

        foreach (var name in new[] { "bandit.policy 'ucb2'", "bandit.alpha", "bandit.epsilon", "bandit.pool_size", "bandit.content 'lyrics'", "bandit.rewards.like" })
            Assert.Contains(ex.Failures, f => f.Contains(name, StringComparison.Ordinal));
    }
}
