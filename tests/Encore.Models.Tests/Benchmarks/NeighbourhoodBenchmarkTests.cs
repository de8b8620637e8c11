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

    [SharedDataFact]
    public void ItemKnn_SyntheticCosineK100_FitsUnderImplicitTime()
    {
        var split = BenchmarkSplit.Load(Path.Combine(SharedData.BenchmarksRoot!, "synth-50k-20k-2m"), binary: false);
        var trainer = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 100 });
        var times = new List<double>();
        var cpuTimes = new List<double>();
        Encore.Models.Contract.IRecommender? model = null;
        for (var run = 0; run < 3; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            model = trainer.Fit(split.Train);
            times.Add(watch.Elapsed.TotalSeconds);
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            output.WriteLine($"run {run}: wall {watch.Elapsed.TotalSeconds:F3}s cpu {cpuTimes[^1]:F3}s");
        }
        times.Sort();
        var m = split.Evaluate(model!);
        output.WriteLine($"synthetic item-kNN cosine K=100: fit median {times[1]:F3}s (runs {string.Join(", ", times.Select(t => t.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}) NDCG@10 {m.Ndcg:F4} P@10 {m.Precision:F4}");
        // The shared machine is often oversubscribed: judge the work (CPU seconds over 2 cores), not the wall clock.
        cpuTimes.Sort();
        Assert.True(cpuTimes[1] / 2 < 2.0, $"median fit {cpuTimes[1]:F2} CPU s");
    }

    [SharedDataFact]
    public void Zoo_HetRec_ReportsFigures()
    {
        var root = Path.Combine(SharedData.BenchmarksRoot!, "hetrec-split-seed42");
        var binary = BenchmarkSplit.Load(root, binary: true);
        var raw = BenchmarkSplit.Load(root, binary: false);
        Run("popularity (user count)", new Encore.Models.Popularity.PopularityTrainer(), raw);
        Run("item-kNN BM25 K=100 raw counts", new ItemKnnTrainer(new ItemKnnOptions { Similarity = SimilarityKind.Bm25 }), raw);
        Run("item-kNN TF-IDF K=100 raw counts", new ItemKnnTrainer(new ItemKnnOptions { Similarity = SimilarityKind.TfIdf }), raw);
        Run("item-kNN cosine K=400 binary", new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 400 }), binary);
        Run("user-kNN cosine K=100 binary", new UserKnnTrainer(new UserKnnOptions()), binary);
        Run("user-kNN BM25 K=100 raw counts", new UserKnnTrainer(new UserKnnOptions { Similarity = SimilarityKind.Bm25 }), raw);
    }

    private void Run(string name, Encore.Models.Contract.IRecommenderTrainer trainer, BenchmarkSplit split)
    {
        var watch = Stopwatch.StartNew();
        var model = trainer.Fit(split.Train);
        var fit = watch.Elapsed.TotalSeconds;
        var m = split.Evaluate(model);
        output.WriteLine($"| {name} | {fit:F2} | {m.Precision:F4} | {m.Recall:F4} | {m.Ndcg:F4} | {m.HitRate:F3} |");
    }
}
