using Encore.Evaluation.Bench;
using Encore.Models.Neighbourhood;
using Encore.Tests.Shared;

namespace Encore.Models.Tests.Benchmarks;

/// <summary>PEERS.md figures for the neighbourhood models; run only when the shared benchmark splits exist.</summary>
public sealed class NeighbourhoodBenchmarkTests
{
    [SharedDataFact]
    public void ItemKnn_HetRecCosineK100Binary_NdcgWithinTwoPercentOfImplicit()
    {
        var split = PeersSplit.Load(Path.Combine(SharedData.BenchmarksRoot!, "hetrec-split-seed42"), binary: true);
        var model = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 100 }).Fit(split.Train);

        var quality = PeersProtocol.Evaluate(model, split, k: 10);

        Assert.InRange(quality.Ndcg, 0.1975 * 0.98, 1.0);
    }
}
