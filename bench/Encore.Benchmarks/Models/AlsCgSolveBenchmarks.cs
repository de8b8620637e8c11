using BenchmarkDotNet.Attributes;
using Encore.Models.Factorization.Kernels;

namespace Encore.Benchmarks.Models;

/// <summary>
/// The ALS per-row conjugate-gradient solve (3 steps, warm start, alpha 1, lambda 0.01) over 2,048 user
/// rows of the PEERS-like shape, one thread: the inner loop of an ALS half-iteration without the
/// Y^T Y precomputation (done once in setup).
/// </summary>
[MemoryDiagnoser]
public class AlsCgSolveBenchmarks
{
    private const int Users = 2_048;
    private AlsRows _data = null!;
    private float[] _gram = [];
    private float[] _x = [];
    private float[] _r = [], _p = [], _ap = [];

    [Params(64, 128)]
    public int Factors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = AlsRows.Create(Users, Factors, 42);
        _gram = Gram.Regularized(Gram.Compute(_data.ItemFactors, AlsRows.Items, Factors, 1), Factors, 0.01f);
        _x = new float[Factors];
        _r = new float[Factors];
        _p = new float[Factors];
        _ap = new float[Factors];
    }

    /// <summary>Nonzeros solved per operation (for flops: 4 x (2 d^2 rows + 4 d nnz)).</summary>
    public long NonZeros => _data.Rows.NonZeros;

    [Benchmark]
    public float SolveRows()
    {
        var d = Factors;
        var sum = 0f;
        for (var u = 0; u < Users; u++)
        {
            _data.UserFactors.AsSpan(u * d, d).CopyTo(_x);
            ConjugateGradient.Solve(_gram, _data.ItemFactors, d, _data.Rows.RowIndices(u), _data.Rows.RowValues(u), 1f, 3, _x, _r, _p, _ap);
            sum += _x[0];
        }
        return sum;
    }
}
