using Encore.Online.Bandits;

namespace Encore.Online.Tests.Bandits;

/// <summary>BanditPolicies.Parse: the name[:parameter] specs a /next request and an A/B policy variant name.</summary>
public sealed class BanditPolicyParseTests
{
    private static readonly BanditOptions Defaults = new() { Alpha = 1, ThompsonScale = 0.5, Epsilon = 0.1 };

    [Theory]
    [InlineData("linucb", "linucb(alpha=1)")]
    [InlineData("linucb:0.25", "linucb(alpha=0.25)")]
    [InlineData("LinUCB: 2", "linucb(alpha=2)")]
    [InlineData("thompson", "thompson(v=0.5)")]
    [InlineData("thompson:0.1", "thompson(v=0.1)")]
    [InlineData("epsilon-greedy", "epsilon-greedy(eps=0.1)")]
    [InlineData("epsilon-greedy:0.3", "epsilon-greedy(eps=0.3)")]
    [InlineData("greedy", "greedy")]
    public void Parse_NameAndOptionalParameter_GiveThePolicy(string spec, string name) =>
        Assert.Equal(name, BanditPolicies.Parse(spec, Defaults).Name);

    [Theory]
    [InlineData("linucb:0.5", "policy = \"linucb\", alpha = 0.5")]
    [InlineData("Thompson:0.1", "policy = \"thompson\", thompson_scale = 0.1")]
    [InlineData("epsilon-greedy:0.2", "policy = \"epsilon-greedy\", epsilon = 0.2")]
    [InlineData("greedy", "policy = \"greedy\"")]
    public void AsSettings_GivesTheBanditSettingsOfASpec(string spec, string settings) =>
        Assert.Equal(settings, BanditPolicies.AsSettings(spec));

    [Theory]
    [InlineData("ucb")]
    [InlineData("linucb:")]
    [InlineData("linucb:abc")]
    [InlineData("linucb:NaN")]
    [InlineData("linucb:-1")]
    [InlineData("epsilon-greedy:1.5")]
    [InlineData("thompson:0")]
    [InlineData("greedy:0.1")]
    public void Parse_BadSpecs_ThrowArgumentException(string spec) =>
        Assert.ThrowsAny<ArgumentException>(() => BanditPolicies.Parse(spec, Defaults));
}
