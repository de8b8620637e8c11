using Encore.Evaluation.Bench;
using Encore.Models.Factorization.Als;
using Encore.Tests.Shared;

namespace Encore.Models.Tests.Factorization;

/// <summary>ALS with implicit's default settings on the PEERS HetRec split must land near implicit's NDCG@10 (0.1268).</summary>
public sealed class HetrecAlsTests
{
    [SharedDataFact]
    public void Fit_HetrecSplitImplicitDefaults_NdcgNearPeer()
    {
        var split = PeersSplit.Load(Path.Combine(SharedData.BenchmarksRoot!, "hetrec-split-seed42"));
        var model = new AlsTrainer(new AlsOptions { Regularization = 0.01 }).Fit(split.Train);

        var quality = PeersProtocol.Evaluate(model, split, k: 10);

        Assert.InRange(quality.Ndcg, 0.118, 0.136);
    }
}
