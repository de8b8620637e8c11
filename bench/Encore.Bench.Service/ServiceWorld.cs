using System.Diagnostics;
using Encore.Data.Aggregation;
using Encore.Data.Synthetic;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;

namespace Encore.Bench.Service;

/// <summary>
/// The benchmark's model: ALS (64 factors) trained on a synthetic world with 100,000 tracks, cached as a
/// model file under the temp folder so repeated runs skip generation and training.
/// </summary>
internal static class ServiceWorld
{
    public static SyntheticWorldOptions Options(int tracks) => new()
    {
        Users = 20_000,
        Tracks = tracks,
        Genres = 40,
        Artists = tracks / 12,
        AlbumsPerArtist = 3,
        TargetEvents = 1_000_000,
        Playlists = 0,
        MeanRatingsPerUser = 0,
        Seed = 42,
    };

    public static string ModelPath(int tracks, int factors)
    {
        var folder = Path.Combine(Path.GetTempPath(), "encore-bench-service");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"als-{tracks}-{factors}.bin");
        if (File.Exists(path)) return path;
        var clock = Stopwatch.StartNew();
        var world = SyntheticWorld.Generate(Options(tracks));
        var matrix = InteractionAggregator.Aggregate(world.Dataset, new AggregationOptions { Confidence = ConfidenceTransform.LogPlusOne });
        Console.WriteLine($"world: {matrix.Users.Count} users x {matrix.Items.Count} tracks, {matrix.Matrix.NonZeros} pairs ({clock.Elapsed.TotalSeconds:F1} s)");
        clock.Restart();
        var model = new AlsTrainer(new AlsOptions { Factors = factors, Iterations = 5, Seed = 42 }).Fit(new TrainingData(matrix.Matrix, matrix.Users, matrix.Items));
        Console.WriteLine($"ALS {factors} factors, 5 iterations: {clock.Elapsed.TotalSeconds:F1} s");
        ModelFile.Save(model, path);
        return path;
    }
}
