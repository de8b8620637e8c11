using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Synthetic;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;
using Encore.Models.Neighbourhood;

namespace Encore.Online.Tests;

/// <summary>
/// One small trained world per test run: the Tiny synthetic world, its play+like matrix, an ALS model
/// (8 factors) and an item-kNN model saved as model files in a temp folder.
/// </summary>
internal static class TestWorld
{
    private static readonly Lazy<State> Shared = new(Create);

    public static SyntheticWorld World => Shared.Value.World;

    public static InteractionMatrix Matrix => Shared.Value.Matrix;

    public static AlsModel Als => Shared.Value.Als;

    public static string AlsPath => Shared.Value.AlsPath;

    public static string KnnPath => Shared.Value.KnnPath;

    /// <summary>
    /// ALS like <see cref="AlsPath"/> but trained without every second pair of each user's row: a served version whose
    /// users have listened to tracks it never saw, as after events posted since it was trained.
    /// </summary>
    public static string AlsHalfPath => Shared.Value.AlsHalfPath;

    private static State Create()
    {
        var world = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);
        var matrix = InteractionAggregator.Aggregate(world.Dataset);
        var data = new TrainingData(matrix.Matrix, matrix.Users, matrix.Items);
        var als = new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 5, Seed = 7, Threads = 1 }).Fit(data);
        var knn = new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20, Threads = 1 }).Fit(data);
        var folder = Path.Combine(Path.GetTempPath(), "encore-online-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var alsPath = Path.Combine(folder, "als.bin");
        var knnPath = Path.Combine(folder, "knn.bin");
        ModelFile.Save(als, alsPath);
        ModelFile.Save(knn, knnPath);
        var halfPath = Path.Combine(folder, "als-half.bin");
        var half = new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 5, Seed = 7, Threads = 1 })
            .Fit(new TrainingData(EverySecondPair(matrix.Matrix), matrix.Users, matrix.Items));
        ModelFile.Save(half, halfPath);
        return new State(world, matrix, als, alsPath, knnPath, halfPath);
    }

    // Each user's pairs at even positions of the row.
    private static Encore.Core.Sparse.CsrMatrix EverySecondPair(Encore.Core.Sparse.CsrMatrix m)
    {
        var (rows, columns, values) = (new List<int>(), new List<int>(), new List<float>());
        for (var u = 0; u < m.Rows; u++)
            for (var p = 0; p < m.RowLength(u); p += 2)
            {
                rows.Add(u);
                columns.Add(m.RowIndices(u)[p]);
                values.Add(m.RowValues(u)[p]);
            }
        return Encore.Core.Sparse.CsrMatrix.FromTriples(m.Rows, m.Columns, [.. rows], [.. columns], [.. values]);
    }

    private sealed record State(SyntheticWorld World, InteractionMatrix Matrix, AlsModel Als, string AlsPath, string KnnPath, string AlsHalfPath);
}

/// <summary>A fresh engine on a fresh SQLite file in its own temp folder; deleted on dispose.</summary>
internal sealed class EngineScope : IDisposable
{
    public EngineScope(Func<OnlineOptions, OnlineOptions>? configure = null, TimeProvider? time = null, BaseDatasetSource? baseDataset = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "encore-online-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var options = new OnlineOptions { StorePath = Path.Combine(Folder, "encore.db"), ModelDirectory = Path.Combine(Folder, "models") };
        Options = configure is null ? options : configure(options);
        Engine = new OnlineEngine(Options, time, baseDataset);
    }

    public string Folder { get; }

    public OnlineOptions Options { get; }

    public OnlineEngine Engine { get; }

    /// <summary>A second engine on the same store file (a restart).</summary>
    public OnlineEngine Reopen() => new(Options);

    public void Dispose()
    {
        Engine.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
