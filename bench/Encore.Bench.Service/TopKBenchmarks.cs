using BenchmarkDotNet.Attributes;
using Encore.Core.Ids;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;
using Encore.Online;
using Encore.Online.Serving;

namespace Encore.Bench.Service;

/// <summary>
/// In-process top-10 for one user on 100,000 tracks x 64 factors (seeded random factors, 50 seen tracks per
/// user): the serving hot path alone, and the whole <see cref="RecommendationService.ForUser"/> call
/// (registry lookup, id mapping, filters, response objects).
/// </summary>
[MemoryDiagnoser]
public class TopKBenchmarks
{
    private const int Users = 2_000;
    private const int Tracks = 100_000;
    private const int Factors = 64;

    private AlsModel _model = null!;
    private OnlineEngine _engine = null!;
    private string _folder = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        var userFactors = new float[Users * Factors];
        var itemFactors = new float[Tracks * Factors];
        for (var i = 0; i < userFactors.Length; i++) userFactors[i] = (float)rng.NextGaussian() * 0.1f;
        for (var i = 0; i < itemFactors.Length; i++) itemFactors[i] = (float)rng.NextGaussian() * 0.1f;
        var rows = new int[Users * 50];
        var cols = new int[rows.Length];
        var vals = new float[rows.Length];
        for (var p = 0; p < rows.Length; p++)
        {
            rows[p] = p / 50;
            cols[p] = rng.NextInt(Tracks);
            vals[p] = 1f;
        }
        var seen = CsrMatrix.FromTriples(Users, Tracks, rows, cols, vals, DuplicatePolicy.Max);
        var users = IdMap.FromIds(Enumerable.Range(0, Users).Select(u => "u" + u));
        var items = IdMap.FromIds(Enumerable.Range(0, Tracks).Select(t => "t" + t));
        _model = new AlsModel(users, items, seen, Factors, userFactors, itemFactors, 1f, 0.01f);
        _folder = Path.Combine(Path.GetTempPath(), "encore-bench-topk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "als.bin");
        ModelFile.Save(_model, path);
        _engine = new OnlineEngine(new OnlineOptions { StorePath = Path.Combine(_folder, "encore.db") });
        _engine.Registry.Activate(_engine.Registry.Register("main", path), _model);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int HotPathTop10()
    {
        var user = _next++ % Users;
        return FactorTopK.Recommend(_model, user, 10, _model.Interactions, RecommendOptions.Default).Items[0];
    }

    /// <summary>64 users in one batch-kernel call (what the request batcher does under load); divide by 64 for the per-user cost.</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public int BatchOf64Top10()
    {
        var first = (_next += 64) % (Users - 64);
        var users = new int[64];
        for (var i = 0; i < users.Length; i++) users[i] = first + i;
        return _model.Recommend(users, 10).Counts[0];
    }

    [Benchmark]
    public int ServiceForUserTop10()
    {
        var user = _next++ % Users;
        return _engine.Recommendations.ForUser(new UserRecommendationRequest { User = "u" + user, K = 10 }).Items.Count;
    }
}
