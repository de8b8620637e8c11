using BenchmarkDotNet.Attributes;
using Encore.Core.Ids;
using Encore.Core.Randomness;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;

namespace Encore.Benchmarks.Models;

/// <summary>
/// Batch top-10 of a factor model (64 factors): 1,024 users scored against every item through the blocked
/// 4 x 16 FMA kernel, training items masked, bounded heaps; one thread. 20k items is the PEERS synthetic
/// catalogue, 160k the Last.fm-360k one.
/// </summary>
[MemoryDiagnoser]
public class FactorTopKBenchmarks
{
    private const int Users = 1_024;
    private const int Factors = 64;
    private AlsModel _model = null!;
    private int[] _users = [];

    [Params(20_000, 160_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(5);
        var userFactors = new float[Users * Factors];
        var itemFactors = new float[Items * Factors];
        for (var i = 0; i < userFactors.Length; i++) userFactors[i] = (float)rng.NextGaussian();
        for (var i = 0; i < itemFactors.Length; i++) itemFactors[i] = (float)rng.NextGaussian();
        var seen = ZipfMatrix.Create(Users, Items, Users * 32, 9);
        var users = IdMap.FromIds(Enumerable.Range(0, Users).Select(i => "u" + i));
        var items = IdMap.FromIds(Enumerable.Range(0, Items).Select(i => "i" + i));
        _model = new AlsModel(users, items, seen, Factors, userFactors, itemFactors, 1f, 0.01f) { Threads = 1 };
        _users = Enumerable.Range(0, Users).ToArray();
    }

    [Benchmark]
    public int TopTenAllUsers() => _model.Recommend(_users, 10, RecommendOptions.Default).Counts.Length;
}
