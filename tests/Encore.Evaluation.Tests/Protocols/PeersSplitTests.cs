using Encore.Data.Model;
using Encore.Evaluation.Protocols;
using Encore.Tests.Shared;

namespace Encore.Evaluation.Tests.Protocols;

// The given-split protocol on PEERS.md's HetRec benchmark files reproduces the peers' popularity row.
public sealed class PeersSplitTests
{
    [SharedDataFact]
    public void Run_HetRecBenchmarkSplit_PopularityMatchesPeers()
    {
        Assert.NotNull(SharedData.BenchmarksRoot);
        var folder = System.IO.Path.Combine(SharedData.BenchmarksRoot, "hetrec-split-seed42");
        var protocol = ProtocolPreparer.Prepare(new MusicDatasetBuilder("none").Build(), ProtocolOptions.Parse($"given:{folder}"));

        var run = new EvaluationPipeline(PipelineFixtures.Settings(10)).Run(protocol, [PipelineFixtures.Popularity()]).Single();

        Assert.Equal((1892, 17632), (protocol.Train.UserCount, protocol.Train.ItemCount));
        Assert.Equal((74265, 18569), (protocol.Train.Interactions.NonZeros, protocol.Target.NonZeros));
        Assert.Equal(1884, run.Users.Length);
        Assert.Equal(0.0787, run.Means["ndcg@10"], 4);
        Assert.Equal(0.394, run.Means["hitrate@10"], 3);
    }

    // The validation target is carved once from train.tsv (80% of it stays train), not twice (64%).
    [SharedDataFact]
    public void Prepare_HetRecBenchmarkSplitOnValidation_CarvesTrainOnce()
    {
        Assert.NotNull(SharedData.BenchmarksRoot);
        var folder = System.IO.Path.Combine(SharedData.BenchmarksRoot, "hetrec-split-seed42");
        var protocol = ProtocolPreparer.Prepare(new MusicDatasetBuilder("none").Build(),
            ProtocolOptions.Parse($"given:{folder}") with { Target = EvaluationTarget.Validation });

        Assert.Equal(59411, protocol.Statistics["train-pairs"]);
        Assert.Equal(74265, protocol.Statistics["train-pairs"] + protocol.Statistics["target-pairs"]);
        Assert.Contains("seed 43", protocol.Label, StringComparison.Ordinal);
    }
}
