using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Synthetic;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;
using Encore.Models.Neighbourhood;

namespace Encore.Server.Tests;

/// <summary>Tiny synthetic world with an ALS and an item-kNN model file, made once per test run.</summary>
internal static class ModelFiles
{
    private static readonly Lazy<(InteractionMatrix Matrix, string Als, string Knn, string KnnHalf)> Shared = new(() =>
    {
        var world = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);
        var matrix = InteractionAggregator.Aggregate(world.Dataset);
        var data = new TrainingData(matrix.Matrix, matrix.Users, matrix.Items);
        var folder = Path.Combine(Path.GetTempPath(), "encore-server-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var als = Path.Combine(folder, "als.bin");
        var knn = Path.Combine(folder, "knn.bin");
        ModelFile.Save(new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 5, Seed = 7, Threads = 1 }).Fit(data), als);
        ModelFile.Save(new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20, Threads = 1 }).Fit(data), knn);
        var knnHalf = Path.Combine(folder, "knn-half.bin");
        ModelFile.Save(new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20, Threads = 1 }).Fit(data.WithInteractions(FirstHalfOfEachRow(matrix.Matrix))), knnHalf);
        return (matrix, als, knn, knnHalf);
    });

    public static InteractionMatrix Matrix => Shared.Value.Matrix;

    public static string Als => Shared.Value.Als;

    public static string Knn => Shared.Value.Knn;

    /// <summary>
    /// Item-kNN fitted on the first half of each user's pairs only: a retrain's holdout leaves out the held-out pairs the
    /// active version trained on, so a test that retrains against a served model needs one that has not seen them all.
    /// </summary>
    public static string KnnHalf => Shared.Value.KnnHalf;

    public static string User(int i) => Matrix.Users[i];

    public static string Track(int i) => Matrix.Items[i];

    private static Encore.Core.Sparse.CsrMatrix FirstHalfOfEachRow(Encore.Core.Sparse.CsrMatrix m)
    {
        var kept = Enumerable.Range(0, m.Rows).SelectMany(u => Enumerable.Range(0, (m.RowLength(u) + 1) / 2).Select(p => (u, p))).ToArray();
        return Encore.Core.Sparse.CsrMatrix.FromTriples(m.Rows, m.Columns, [.. kept.Select(e => e.u)], [.. kept.Select(e => m.RowIndices(e.u)[e.p])],
            [.. kept.Select(e => m.RowValues(e.u)[e.p])]);
    }
}
