using System.Globalization;
using System.IO.Compression;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Tests.Benchmarks;

/// <summary>
/// Reads a PEERS.md benchmark split (TSV `user item value`, optionally gzipped) into a train matrix and
/// per-user test sets, and computes the PEERS protocol metrics. Test-only: the importer owns real parsing.
/// </summary>
internal sealed class BenchmarkSplit
{
    private BenchmarkSplit(TrainingData train, List<int>[] test)
    {
        Train = train;
        Test = test;
    }

    public TrainingData Train { get; }

    public List<int>[] Test { get; }

    public static BenchmarkSplit Load(string folder, bool binary)
    {
        var users = new IdMap();
        var items = new IdMap();
        var (ru, ri, rv) = Read(Find(folder, "train"), users, items, addNew: true);
        var values = binary ? rv.Select(_ => 1f).ToArray() : rv.ToArray();
        var matrix = CsrMatrix.FromTriples(users.Count, items.Count, ru.ToArray(), ri.ToArray(), values);
        var (tu, ti, _) = Read(Find(folder, "test"), users, items, addNew: false);
        // Test items never seen in training stay as -1: they count in |test| but can never be hit.
        var test = new List<int>[users.Count];
        for (var p = 0; p < tu.Count; p++) (test[tu[p]] ??= []).Add(ti[p]);
        return new BenchmarkSplit(new TrainingData(matrix, users, items), test);
    }

    /// <summary>Mean P@k, R@k, NDCG@k (binary gain, ideal over min(k, |test|)), HR@k over users with test items.</summary>
    public (double Precision, double Recall, double Ndcg, double HitRate, int Users) Evaluate(IRecommender model, int k = 10)
    {
        var users = Enumerable.Range(0, Test.Length).Where(u => Test[u] is { Count: > 0 }).ToArray();
        var batch = model.Recommend(users, k);
        double p = 0, r = 0, n = 0, h = 0;
        for (var row = 0; row < users.Length; row++)
        {
            var relevant = Test[users[row]].ToHashSet();
            var recommended = batch.ItemsOf(row);
            double hits = 0, dcg = 0, ideal = 0;
            for (var i = 0; i < recommended.Length; i++)
                if (relevant.Contains(recommended[i])) { hits++; dcg += 1 / Math.Log2(i + 2); }
            for (var i = 0; i < Math.Min(k, relevant.Count); i++) ideal += 1 / Math.Log2(i + 2);
            p += hits / k;
            r += hits / relevant.Count;
            n += dcg / ideal;
            h += hits > 0 ? 1 : 0;
        }
        var c = users.Length;
        return (p / c, r / c, n / c, h / c, c);
    }

    private static string Find(string folder, string name)
    {
        var plain = Path.Combine(folder, name + ".tsv");
        return File.Exists(plain) ? plain : plain + ".gz";
    }

    private static (List<int>, List<int>, List<float>) Read(string path, IdMap users, IdMap items, bool addNew)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        List<int> u = [], i = [];
        List<float> v = [];
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            int user, item;
            if (addNew) { user = users.GetOrAdd(parts[0]); item = items.GetOrAdd(parts[1]); }
            else
            {
                if (!users.TryGetIndex(parts[0], out user)) continue;
                if (!items.TryGetIndex(parts[1], out item)) item = -1;
            }
            u.Add(user);
            i.Add(item);
            v.Add(float.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        return (u, i, v);
    }
}
