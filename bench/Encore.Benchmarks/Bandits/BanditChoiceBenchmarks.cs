using BenchmarkDotNet.Attributes;
using Encore.Core.Randomness;
using Encore.Models.Bandits;

namespace Encore.Benchmarks.Bandits;

/// <summary>
/// One bandit choice over 1,000 candidates x 64 dimensions (the budget: under 1 ms), one
/// Sherman–Morrison update, and hybrid LinUCB's choice with and without a preceding shared update. The state has absorbed 200 random observations first.
/// </summary>
[MemoryDiagnoser]
public class BanditChoiceBenchmarks
{
    private const int Dimension = 64;
    private float[] _candidates = null!;
    private RidgeValueFunction _state = null!;
    private readonly LinUcbPolicy _linUcb = new(1);
    private readonly ThompsonSamplingPolicy _thompson = new(0.5);
    private readonly EpsilonGreedyPolicy _epsilon = new(0.1);
    private Rng _rng = new(7);
    private HybridLinUcb _hybrid = null!;

    [Params(1000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        _candidates = new float[Candidates * Dimension];
        for (var i = 0; i < _candidates.Length; i++) _candidates[i] = (float)rng.NextGaussian() / 8;
        _state = new RidgeValueFunction(Dimension);
        for (var t = 0; t < 200; t++) _state.Update(_candidates.AsSpan(rng.NextInt(Candidates) * Dimension, Dimension), rng.NextDouble());
        _hybrid = new HybridLinUcb(Dimension, 0.3, 0.1, 0.1);
        for (var t = 0; t < 200; t++) _hybrid.Update(t % 10, _candidates.AsSpan(rng.NextInt(Candidates) * Dimension, Dimension), rng.NextDouble());
    }

    /// <summary>Hybrid LinUCB choice after another user's update (the update, then the per-user cache rebuilt: two d x d products, then the scan).</summary>
    [Benchmark]
    public int HybridChooseAfterUpdate()
    {
        _hybrid.Update(1, _candidates.AsSpan(Dimension, Dimension), 0.5);
        return _hybrid.Choose(0, _candidates, ref _rng).Index;
    }

    /// <summary>Hybrid LinUCB update alone: two Sherman–Morrison steps (A_u⁻¹, A₀⁻¹) and β, O(d²), no allocation.</summary>
    [Benchmark]
    public long HybridUpdate()
    {
        _hybrid.Update(1, _candidates.AsSpan(Dimension, Dimension), 0.5);
        return _hybrid.Updates(1);
    }

    /// <summary>Hybrid LinUCB choice with the user's cached φ and S (the scan only).</summary>
    [Benchmark]
    public int HybridChooseCached() => _hybrid.Choose(0, _candidates, ref _rng).Index;

    [Benchmark(Baseline = true)]
    public int LinUcbChoose() => _linUcb.Choose(_state, _candidates, ref _rng).Index;

    [Benchmark]
    public int ThompsonChoose() => _thompson.Choose(_state, _candidates, ref _rng).Index;

    [Benchmark]
    public int EpsilonGreedyChoose() => _epsilon.Choose(_state, _candidates, ref _rng).Index;

    [Benchmark]
    public long Update()
    {
        _state.Update(_candidates.AsSpan(0, Dimension), 0.5);
        return _state.Updates;
    }
}
