using System.Diagnostics;
using Encore.Models.Neighbourhood;
using Encore.Tests.Shared;
using Xunit.Abstractions;

namespace Encore.Models.Tests.Benchmarks;

/// <summary>PEERS.md figures for the neighbourhood models; run only when the shared benchmark splits exist.</summary>
public sealed class NeighbourhoodBenchmarkTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void ItemKnn_HetRecCosineK100Binary_NdcgWithinTwoPercentOfImplicit()
    {
        var split = BenchmarkSplit.Load(Path.Combine(SharedData.BenchmarksRoot!, "hetrec-split-seed42"), binary: true);
        var watch = Stopwatch.StartNew();
        var model = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 100 }).Fit(split.Train);
        var fit = watch.Elapsed.TotalSeconds;
        var m = split.Evaluate(model);
        output.WriteLine($"item-kNN cosine K=100 binary: fit {fit:F3}s P@10 {m.Precision:F4} R@10 {m.Recall:F4} NDCG@10 {m.Ndcg:F4} HR@10 {m.HitRate:F3} users {m.Users}");
        Assert.InRange(m.Ndcg, 0.1975 * 0.98, 1.0);
    }
}
