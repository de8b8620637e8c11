using Encore.Models.Group;

namespace Encore.Cli.Arguments;

/// <summary><c>--strategy average|least-misery|most-pleasure|borda|overlap|expected-plays</c> (docs/models-group.md).</summary>
internal static class GroupStrategyArgument
{
    public const string Help = "average | least-misery | most-pleasure | borda | overlap | expected-plays";

    public static GroupStrategy Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "average" or "avg" => GroupStrategy.Average,
        "least-misery" or "leastmisery" => GroupStrategy.LeastMisery,
        "most-pleasure" or "mostpleasure" => GroupStrategy.MostPleasure,
        "borda" or "borda-count" => GroupStrategy.BordaCount,
        "overlap" or "overlap-first" => GroupStrategy.OverlapFirst,
        "expected-plays" => GroupStrategy.ExpectedPlays,
        _ => throw new ArgumentException($"--strategy '{text}' is not one of {Help}."),
    };
}
