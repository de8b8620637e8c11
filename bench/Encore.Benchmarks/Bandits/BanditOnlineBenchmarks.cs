using BenchmarkDotNet.Attributes;
using Encore.Core.Randomness;
using Encore.Models.Bandits;

namespace Encore.Benchmarks.Bandits;

/// <summary>
/// One online round as /next and its feedback run it, without the store: a policy's choice over 1,000 candidates
/// x 64 dimensions followed by the Sherman–Morrison update with the chosen vector (the budget: under 1 ms
/// per choice). The state has absorbed 200 random observations first; rewards are a fixed linear function of the
/// vector, so the state keeps learning during the run.
/// </summary>
[MemoryDiagnoser]
public class BanditOnlineBenchmarks
{
    private const int Dimension = 64;
    private float[] _candidates = null!;
    private float[] _truth = null!;
    private RidgeValueFunction _state = null!;
    private readonly LinUcbPolicy _linUcb = new(1);
    private readonly ThompsonSamplingPolicy _thompson = new(0.5);
    private Rng _rng = new(7);

    [Params(1000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        _candidates = new float[Candidates * Dimension];
        for (var i = 0; i < _candidates.Length; i++) _candidates[i] = (float)rng.NextGaussian() / 8;
        _truth = new float[Dimension];
        for (var j = 0; j < Dimension; j++) _truth[j] = (float)rng.NextGaussian();
        _state = new RidgeValueFunction(Dimension);
        for (var t = 0; t < 200; t++) _state.Update(_candidates.AsSpan(rng.NextInt(Candidates) * Dimension, Dimension), rng.NextDouble());
    }

    [Benchmark(Baseline = true)]
    public int LinUcbChooseAndUpdate() => Round(_linUcb);

    [Benchmark]
    public int ThompsonChooseAndUpdate() => Round(_thompson);

    private int Round(IBanditPolicy policy)
    {
        var choice = policy.Choose(_state, _candidates, ref _rng);
        var x = _candidates.AsSpan(choice.Index * Dimension, Dimension);
        _state.Update(x, System.Numerics.Tensors.TensorPrimitives.Dot(_truth, x) > 0 ? 1 : 0);
        return choice.Index;
    }
}
