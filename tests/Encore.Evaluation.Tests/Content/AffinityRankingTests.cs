using Encore.Data.Synthetic;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Statistics;
using Encore.Models.Content.Affinity;
using Encore.Models.Popularity;

namespace Encore.Evaluation.Tests.Content;

// SPEC S2's classifier used as a ranker under the holdout protocol (per-user 80/20, full ranking, seen items excluded).
public sealed class AffinityRankingTests
{
    private static (double[] Popularity, double[] Affinity) NdcgAt10(ulong worldSeed, bool popularityFeature)
    {
        var dataset = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Seed = worldSeed }).Dataset;
        var protocol = ProtocolPreparer.Prepare(dataset, new ProtocolOptions { Seed = 42 });
        var settings = new EvaluationSettings { Ks = [10], Dataset = "synthetic tiny", DatasetHash = "h" };
        var runs = new EvaluationPipeline(settings).Run(protocol,
        [
            new ModelCandidate("popularity", new PopularityTrainer(), new Dictionary<string, string>()),
            new ModelCandidate("affinity", new AffinityTrainer(new AffinityOptions { PopularityFeature = popularityFeature }), new Dictionary<string, string>()),
        ]);
        Assert.Equal(runs[0].Users, runs[1].Users);
        return (runs[0].PerUser["ndcg@10"], runs[1].PerUser["ndcg@10"]);
    }

    [Theory]
    [InlineData(7UL)]
    [InlineData(42UL)]
    public void Holdout_SeededSyntheticWorld_AffinityBeatsPopularity_Paired(ulong worldSeed)
    {
        var (popularity, affinity) = NdcgAt10(worldSeed, popularityFeature: true);
        var sut = PairedComparison.Compare(popularity, affinity, seed: 42);
        Assert.True(sut.MeanDifference > 0 && sut.CiLow > 0,
            $"world {worldSeed}: affinity {sut.MeanB:F4} vs popularity {sut.MeanA:F4}, paired 95% CI [{sut.CiLow:F4}, {sut.CiHigh:F4}]");
    }

    [Fact]
    public void Holdout_ContentOnly_DoesNotBeatPopularity()
    {
        // Why the popularity input exists: the content-only classifier (S2's plain form) ranks below popularity here.
        var (popularity, affinity) = NdcgAt10(42, popularityFeature: false);
        Assert.True(affinity.Average() < popularity.Average() + 0.06, $"content-only affinity {affinity.Average():F4}, popularity {popularity.Average():F4}");
    }
}
