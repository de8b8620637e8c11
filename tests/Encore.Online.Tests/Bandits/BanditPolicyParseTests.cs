using Encore.Core.Errors;
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

    // The CLI's name for epsilon-greedy (encore bandits simulate --policies epsilon:0.1) was not a policy here.
    [Theory]
    [InlineData("epsilon", "epsilon-greedy(eps=0.1)")]
    [InlineData("Epsilon:0.3", "epsilon-greedy(eps=0.3)")]
    public void Parse_TheOfflineCommandsNameForEpsilonGreedy_GivesThePolicy(string spec, string name) =>
        Assert.Equal(name, BanditPolicies.Parse(spec, Defaults).Name);

    [Fact]
    public void Create_TheOfflineCommandsNameForEpsilonGreedy_GivesThePolicy() =>
        Assert.Equal("epsilon-greedy(eps=0.1)", BanditPolicies.Create(Defaults with { Policy = "epsilon" }).Name);

    // Every bad spec used to reach the client as "'thompson:0' is not a bandit policy; expected name[:parameter] with name
    // one of linucb, thompson, ...", naming a policy it accepts: the caller (BanditService, ExperimentService) threw the
    // reason away. The reason is now the message, without .NET's "(Parameter 'spec')".
    [Theory]
    [InlineData("thompson:0", "bandit policy 'thompson:0': thompson's parameter v (the posterior scale) must be a number > 0; got 0.")]
    [InlineData("epsilon-greedy:2", "bandit policy 'epsilon-greedy:2': epsilon-greedy's parameter epsilon (the exploration probability) must be a number from 0 to 1; got 2.")]
    [InlineData("linucb:-1", "bandit policy 'linucb:-1': linucb's parameter alpha (the exploration weight) must be a number >= 0; got -1.")]
    [InlineData("linucb:abc", "bandit policy 'linucb:abc': linucb's parameter alpha (the exploration weight) must be a number >= 0; got 'abc' (expected name[:parameter], e.g. linucb:0.5).")]
    [InlineData("greedy:1", "bandit policy 'greedy:1': greedy takes no parameter (it is epsilon-greedy with epsilon 0); write greedy, or epsilon-greedy:EPS.")]
    [InlineData("hybrid:0.3", "bandit policy 'hybrid:0.3': hybrid LinUCB is a policy of the offline commands only (encore bandits simulate / replay); the service runs linucb, thompson, epsilon-greedy (alias epsilon, as encore bandits simulate names it), greedy.")]
    [InlineData("zorg", "bandit policy 'zorg': 'zorg' is not a policy the service runs; expected one of linucb, thompson, epsilon-greedy (alias epsilon, as encore bandits simulate names it), greedy, as name[:parameter] (e.g. linucb:0.5).")]
    public void Parse_BadSpec_SaysWhatIsWrongWithIt(string spec, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => BanditPolicies.Parse(spec, Defaults));
        Assert.Equal(message, Guard.PlainMessage(error));
    }
}
