using Encore.Models.Group;

namespace Encore.Models.Tests.Group;

/// <summary>
/// The one rule for strategy names: the documented names in any letter case, nothing else. The user's report:
/// "leastmisery" was accepted silently (an undocumented alias), so a typo of any name could not be told from a valid one.
/// </summary>
public sealed class GroupStrategyNamesTests
{
    [Theory]
    [InlineData("average", GroupStrategy.Average)]
    [InlineData("avg", GroupStrategy.Average)]
    [InlineData("least-misery", GroupStrategy.LeastMisery)]
    [InlineData("LEAST-MISERY", GroupStrategy.LeastMisery)]
    [InlineData(" Most-Pleasure ", GroupStrategy.MostPleasure)]
    [InlineData("borda", GroupStrategy.BordaCount)]
    [InlineData("borda-count", GroupStrategy.BordaCount)]
    [InlineData("overlap-first", GroupStrategy.OverlapFirst)]
    [InlineData("overlap", GroupStrategy.OverlapFirst)]
    [InlineData("Expected-Plays", GroupStrategy.ExpectedPlays)]
    public void TryParse_DocumentedNameInAnyCase_IsAccepted(string text, GroupStrategy expected)
    {
        Assert.True(GroupStrategyNames.TryParse(text, out var strategy));
        Assert.Equal(expected, strategy);
    }

    [Theory]
    [InlineData("leastmisery", "least-misery")]
    [InlineData("mostpleasure", "most-pleasure")]
    [InlineData("least_misery", "least-misery")]
    [InlineData("Expected Plays", "expected-plays")]
    [InlineData("bordacount", "borda-count")]
    [InlineData("dictator", null)]
    [InlineData("", null)]
    public void TryParse_AnythingElse_IsRefusedWithTheValidNames(string text, string? suggestion)
    {
        Assert.False(GroupStrategyNames.TryParse(text, out _));
        var problem = GroupStrategyNames.Problem(text);
        Assert.Contains($"'{text}' is not a group strategy; expected one of average, least-misery, most-pleasure, borda, overlap-first, expected-plays (aliases avg, borda-count, overlap)", problem, StringComparison.Ordinal);
        if (suggestion is null) Assert.DoesNotContain("did you mean", problem, StringComparison.Ordinal);
        else Assert.EndsWith($"did you mean '{suggestion}'?", problem, StringComparison.Ordinal);
        Assert.False(GroupStrategyNames.TryParse(null, out _));
    }

    [Fact]
    public void Of_EveryStrategy_ParsesBackToItself()
    {
        foreach (var strategy in Enum.GetValues<GroupStrategy>())
        {
            Assert.True(GroupStrategyNames.TryParse(GroupStrategyNames.Of(strategy), out var parsed));
            Assert.Equal(strategy, parsed);
            Assert.Contains(GroupStrategyNames.Of(strategy), GroupStrategyNames.List, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Names_AreEveryStrategyOnceInTheDocumentedList()
    {
        Assert.Equal(GroupStrategyNames.List, string.Join(", ", GroupStrategyNames.Names));
        Assert.Equal(GroupStrategyNames.Aliases, string.Join(", ", GroupStrategyNames.AliasNames));
        Assert.Equal(Enum.GetValues<GroupStrategy>().Select(GroupStrategyNames.Of), GroupStrategyNames.Names);
    }
}
