using BenchmarkDotNet.Attributes;
using Encore.Core.Memory;
using Encore.Models.Factorization.Kernels;

namespace Encore.Benchmarks.Models;

/// <summary>
/// One sparse pass of the block CG (<see cref="SparseRowTerms.AddPaired"/>, d = 64, paired bfloat16 rows) over a gathered
/// block of 1,024 factor rows (128 KiB, in L2), split into rows of the PEERS-like length distribution (<see cref="AlsRows"/>):
/// the dot pass and the weighted-sum pass of every row, as in each CG step. Divide by 1,024 for the time per nonzero;
/// the pass does 4 d = 256 flops per nonzero. 512-bit path only (skipped elsewhere).
/// </summary>
public class SparsePassBenchmarks
{
    private const int D = 64;
    private const int Rows = 1_024;
    private AlignedArray<uint> _words = null!;
    private int[] _identity = [];
    private float[] _values = [];
    private int[] _starts = [];
    private float[] _v = [];
    private float[] _output = [];

    [Params(false, true)]
    public bool Residual { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (!SparseRowTerms.PairedSupported(D)) throw new PlatformNotSupportedException("the paired pass needs the 512-bit path.");
        var data = AlsRows.Create(256, D, 7);
        _words = new AlignedArray<uint>(Rows * D / 2);
        BFloat16Rows.Narrow(data.ItemFactors.AsSpan(0, Rows * D), _words.Span);
        _identity = [.. Enumerable.Range(0, Rows)];
        var starts = new List<int> { 0 };
        for (var u = 0; starts[^1] < Rows; u++) starts.Add(Math.Min(Rows, starts[^1] + data.Rows.RowLength(u % data.Rows.Rows)));
        _starts = [.. starts];
        _values = [.. Enumerable.Range(0, Rows).Select(k => 1f + k % 20)];
        _v = data.UserFactors[..(D * BlockConjugateGradient.MaxRows)];
        _output = new float[D * BlockConjugateGradient.MaxRows];
    }

    [Benchmark]
    public float Pass()
    {
        var words = _words.Span;
        for (var i = 0; i + 1 < _starts.Length; i++)
        {
            var (from, n) = (_starts[i], _starts[i + 1] - _starts[i]);
            var slot = i % BlockConjugateGradient.MaxRows * D;
            SparseRowTerms.AddPaired(words.Slice(from * D / 2, n * D / 2), _identity.AsSpan(0, n), _values.AsSpan(from, n), 1f,
                _v.AsSpan(slot, D), _output.AsSpan(slot, D), Residual);
        }
        return _output[0];
    }
}
