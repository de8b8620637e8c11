using Encore.Evaluation.Protocols;
using Encore.Evaluation.Protocols.Playlists;
using Encore.Models.Popularity;

namespace Encore.Evaluation.Tests.Protocols;

public sealed class PlaylistRunsTests
{
    [Theory]
    [InlineData("title only", "r-precision/title-only")]
    [InlineData("title + first 5", "r-precision/title-first-5")]
    [InlineData("no title + first 10", "r-precision/no-title-first-10")]
    [InlineData("title + random 100", "r-precision/title-random-100")]
    public void CategoryKey_IsASlugOfTheName(string category, string expected) =>
        Assert.Equal(expected, PlaylistRuns.CategoryKey(PlaylistRuns.RPrecision, category));

    [Fact]
    public void From_Challenge_RecordsEveryCategoryAndTheOverallMeans()
    {
        ChallengeScore[] categories =
        [
            new("title only", 3, 0.10, 0.20, 4.0, 0.5),
            new("title + first 5", 2, 0.30, 0.40, 1.5, 1.0),
        ];
        var overall = new ChallengeScore("overall", 5, 0.18, 0.28, 3.0, 0.7);
        var result = new ChallengeModelResult("popularity", categories, overall, 0.5);
        var candidate = new ModelCandidate("popularity", new PopularityTrainer(), new Dictionary<string, string>());

        var run = PlaylistRuns.From([result], [candidate], "playlist-challenge", "world", "hash", 42, TimeProvider.System).Single();

        Assert.Equal(0.18, run.Means[PlaylistRuns.RPrecision]);
        Assert.Equal(0.10, run.Means["r-precision/title-only"]);
        Assert.Equal(0.40, run.Means["ndcg@500/title-first-5"]);
        Assert.Equal(1.5, run.Means["clicks/title-first-5"]);
        Assert.Equal(0.5, run.Means["hr@100/title-only"]);
        Assert.Equal(3, run.Means["playlists/title-only"]);
        Assert.Equal(4 + (categories.Length * 5), run.Means.Count);
    }
}
