using Encore.Models.Group;

namespace Encore.Cli.Arguments;

/// <summary><c>--strategy average|least-misery|most-pleasure|borda|overlap-first|expected-plays</c> (docs/models-group.md).</summary>
internal static class GroupStrategyArgument
{
    public const string Help = "average | least-misery | most-pleasure | borda | overlap-first | expected-plays";

    public static GroupStrategy Parse(string text) => GroupStrategyNames.TryParse(text, out var strategy)
        ? strategy
        : throw new ArgumentException($"--strategy {GroupStrategyNames.Problem(text)}");
}
