using System.Globalization;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Tests.Shared;

namespace Encore.Models.Tests.Factorization;

/// <summary>ALS with implicit's default settings on the PEERS HetRec split must land near implicit's NDCG@10 (0.1268).</summary>
public sealed class HetrecAlsTests
{
    [SharedDataFact]
    public void Fit_HetrecSplitImplicitDefaults_NdcgNearPeer()
    {
        var dir = Path.Combine(SharedData.BenchmarksRoot ?? "", "hetrec-split-seed42");
        if (!File.Exists(Path.Combine(dir, "train.tsv"))) return;
        var users = new IdMap();
        var items = new IdMap();
        var train = Read(Path.Combine(dir, "train.tsv"), users, items);
        var test = Read(Path.Combine(dir, "test.tsv"), users, items);
        var m = train.ToCsr(users.Count, items.Count);
        var t = test.ToCsr(users.Count, items.Count);
        var model = new AlsTrainer(new AlsOptions()).Fit(new TrainingData(m, users, items));

        var evalUsers = Enumerable.Range(0, t.Rows).Where(u => t.RowLength(u) > 0).ToArray();
        var batch = model.Recommend(evalUsers, 10);
        double ndcg = 0;
        for (var i = 0; i < evalUsers.Length; i++)
        {
            var truth = t.RowIndices(evalUsers[i]);
            var recs = batch.ItemsOf(i);
            double dcg = 0, ideal = 0;
            for (var j = 0; j < recs.Length; j++) if (truth.BinarySearch(recs[j]) >= 0) dcg += 1 / Math.Log2(j + 2);
            for (var j = 0; j < Math.Min(10, truth.Length); j++) ideal += 1 / Math.Log2(j + 2);
            ndcg += dcg / ideal;
        }
        Assert.InRange(ndcg / evalUsers.Length, 0.118, 0.136);
    }

    private static Triples Read(string path, IdMap users, IdMap items)
    {
        var triples = new Triples();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split('\t');
            triples.Rows.Add(users.GetOrAdd(parts[0]));
            triples.Columns.Add(items.GetOrAdd(parts[1]));
            triples.Values.Add(float.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        return triples;
    }

    private sealed class Triples
    {
        public List<int> Rows { get; } = [];

        public List<int> Columns { get; } = [];

        public List<float> Values { get; } = [];

        public CsrMatrix ToCsr(int rows, int columns) => CsrMatrix.FromTriples(rows, columns, Rows.ToArray(), Columns.ToArray(), Values.ToArray());
    }
}
