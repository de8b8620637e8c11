using BenchmarkDotNet.Attributes;
using Encore.Core.Sparse;
using Encore.Models.Neighbourhood;

namespace Encore.Benchmarks.Models;

/// <summary>
/// Item-kNN similarity rows (cosine, K = 100) on a 20,000-item x 50,000-user Zipf matrix: the sparse-sparse
/// product of one item's users with every co-occurring item, ranked by the bounded selection (<see cref="NeighbourRow"/>).
/// 256 items per operation, spread over the popularity ranks (popular items take the dense path, tail items the sparse one).
/// </summary>
[MemoryDiagnoser]
public class ItemKnnRowBenchmarks
{
    private const int Items = 20_000;
    private const int RowsPerOp = 256;
    private CsrMatrix _documents = null!;
    private CsrMatrix _terms = null!;
    private float[] _norms = [];
    private NeighbourRow.Scratch _scratch = null!;
    private bool _unitWeights;
    private int[] _work = [];
    private readonly int[] _outItems = new int[100];
    private readonly float[] _outScores = new float[100];

    [GlobalSetup]
    public void Setup()
    {
        _documents = ZipfMatrix.Create(50_000, Items, 2_000_000, 7).Transpose();
        _terms = _documents.Transpose();
        _norms = SparseNeighbours.RowNorms(_documents);
        _unitWeights = !_documents.Values.ContainsAnyExcept(1f);
        _scratch = new NeighbourRow.Scratch(Items, _outItems.Length, _unitWeights && CooccurrenceCounts.Fits(_documents));
        _work = SparseNeighbours.RowWork(_documents, _terms);
    }

    [Benchmark]
    public int SimilarityRows()
    {
        var kept = 0;
        for (var r = 0; r < RowsPerOp; r++)
            kept += NeighbourRow.Compute(_documents, _terms, _unitWeights, _norms, 0f, r * (Items / RowsPerOp), _work[r * (Items / RowsPerOp)], _scratch, _outItems, _outScores);
        return kept;
    }
}
