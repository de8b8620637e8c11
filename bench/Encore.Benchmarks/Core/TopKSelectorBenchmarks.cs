using BenchmarkDotNet.Attributes;
using Encore.Core.Randomness;
using Encore.Core.Ranking;

namespace Encore.Benchmarks.Core;

/// <summary>Selecting the top 10 of a dense score vector (one user's scores over the whole catalogue).</summary>
[MemoryDiagnoser]
public class TopKSelectorBenchmarks
{
    private const int K = 10;
    private readonly TopKSelector _selector = new(K);
    private readonly int[] _ids = new int[K];
    private readonly float[] _scores = new float[K];
    private float[] _items = [];

    [Params(20_000, 160_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        _items = new float[Items];
        for (var i = 0; i < _items.Length; i++) _items[i] = (float)rng.NextGaussian();
    }

    [Benchmark]
    public int OfferAll()
    {
        _selector.Reset(K);
        _selector.OfferAll(_items);
        return _selector.Drain(_ids, _scores);
    }
}
