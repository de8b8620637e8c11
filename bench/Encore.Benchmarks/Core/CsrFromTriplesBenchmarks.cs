using BenchmarkDotNet.Attributes;
using Encore.Core.Sparse;

namespace Encore.Benchmarks.Core;

/// <summary>Building a users x items CSR matrix from unsorted random triples (a few duplicates are merged).</summary>
[MemoryDiagnoser]
public class CsrFromTriplesBenchmarks
{
    private RandomTriples _triples = null!;

    [Params(1_000_000, 10_000_000)]
    public int Triples { get; set; }

    [GlobalSetup]
    public void Setup() => _triples = RandomTriples.Create(Triples, 42);

    [Benchmark]
    public CsrMatrix FromTriples() => CsrMatrix.FromTriples(RandomTriples.Users, RandomTriples.Items,
        _triples.Rows, _triples.Columns, _triples.Values, DuplicatePolicy.Sum);
}
