using BenchmarkDotNet.Attributes;
using Encore.Core.Sparse;

namespace Encore.Benchmarks.Core;

/// <summary>Transposing a users x items CSR matrix built from random triples.</summary>
[MemoryDiagnoser]
public class CsrTransposeBenchmarks
{
    private CsrMatrix _matrix = null!;

    [Params(1_000_000, 10_000_000)]
    public int Triples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var t = RandomTriples.Create(Triples, 42);
        _matrix = CsrMatrix.FromTriples(RandomTriples.Users, RandomTriples.Items, t.Rows, t.Columns, t.Values);
    }

    [Benchmark]
    public CsrMatrix Transpose() => _matrix.Transpose();
}
