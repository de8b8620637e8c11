using System.Diagnostics;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Synthetic;
using Encore.Models.Contract;

namespace Encore.Evaluation.Bench;

/// <summary>
/// The data a model bench runs on: the synthetic world in PEERS.md's or Last.fm-360k's shape (play counts
/// per user x track, the whole log as training data), or a PEERS split folder (train for fitting, test for quality).
/// </summary>
public sealed class BenchInput
{
    private BenchInput(string description, TrainingData train, PeersSplit? split, double seconds)
    {
        Description = description;
        Train = train;
        Split = split;
        PrepareSeconds = seconds;
    }

    public string Description { get; }

    public TrainingData Train { get; }

    /// <summary>The split when the shape is a split folder (quality is measured then), else null.</summary>
    public PeersSplit? Split { get; }

    /// <summary>Time to generate or read the data.</summary>
    public double PrepareSeconds { get; }

    /// <summary>"peers" (50k x 20k x 2M events), "lastfm360k" (360k x 160k x 17.5M events) or a split folder.
    /// <paramref name="trainOnly"/> reads only a split's train file (<see cref="Split"/> is then null: no quality).</summary>
    public static BenchInput Prepare(string shape, ulong seed, int threads, CancellationToken cancellationToken, long? events = null, bool trainOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shape);
        var clock = Stopwatch.StartNew();
        var preset = shape.ToLowerInvariant() switch
        {
            "peers" => SyntheticWorldOptions.PeersSynth,
            "lastfm360k" => SyntheticWorldOptions.LastFm360k,
            _ => null,
        };
        if (preset is null)
        {
            if (!Directory.Exists(shape))
                throw new ArgumentException($"--shape '{shape}' is neither peers, lastfm360k nor an existing PEERS split folder.");
            if (trainOnly)
            {
                var trainData = PeersSplit.LoadTrain(shape, binary: false, cancellationToken);
                return new BenchInput($"PEERS split {Path.GetFullPath(shape)}: train {trainData.Interactions.NonZeros:N0} pairs (test not read)",
                    trainData, null, clock.Elapsed.TotalSeconds);
            }
            var split = PeersSplit.Load(shape, binary: false, cancellationToken);
            var description = $"PEERS split {Path.GetFullPath(shape)}: train {split.Train.Interactions.NonZeros:N0} pairs, test {split.TestPairs:N0} pairs";
            return new BenchInput(description, split.Train, split, clock.Elapsed.TotalSeconds);
        }
        var options = preset with { Seed = seed, DegreeOfParallelism = threads };
        if (events is { } e) options = options with { TargetEvents = e };
        var train = PlayCounts(options, cancellationToken);
        var text = $"synthetic world '{shape}' (seed {seed}): {options.Users:N0} users x {options.Tracks:N0} tracks, {options.TargetEvents:N0} events " +
            $"-> {train.Interactions.NonZeros:N0} (user, track) play-count pairs, all used for training";
        return new BenchInput(text, train, null, clock.Elapsed.TotalSeconds);
    }

    // A separate method so the world (events, catalogue) is unreachable once the matrix is built.
    private static TrainingData PlayCounts(SyntheticWorldOptions options, CancellationToken cancellationToken)
    {
        var world = SyntheticWorld.Generate(options, cancellationToken);
        var counts = InteractionAggregator.Aggregate(world.Dataset, new AggregationOptions { Weights = EventKindWeights.None.With(EventKind.Play, 1f) });
        return new TrainingData(counts.Matrix, counts.Users, counts.Items);
    }
}
