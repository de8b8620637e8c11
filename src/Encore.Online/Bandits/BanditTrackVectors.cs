using System.Globalization;
using Encore.Core.Ids;
using Encore.Data.Content;
using Encore.Data.Model;
using Encore.Models.Content;
using Encore.Models.Contract;

namespace Encore.Online.Bandits;

/// <summary>
/// The bandit's track vectors: the base dataset's embedding column and / or audio features
/// (<see cref="TrackVectors"/>), standardised, L2-normalised and optionally PCA-reduced by
/// <see cref="ContentTransformFitter"/> (fitted once on every track of the catalogue), plus a constant 1 when
/// <see cref="BanditOptions.Bias"/> is on. Tracks without any content have no vector. Immutable, thread-safe.
/// </summary>
public sealed class BanditTrackVectors
{
    private readonly IdMap _tracks;
    private readonly float[] _values;
    private readonly bool[] _present;

    private BanditTrackVectors(IdMap tracks, float[] values, bool[] present, int dimension, string space, double explainedVariance)
    {
        _tracks = tracks;
        _values = values;
        _present = present;
        Dimension = dimension;
        Space = space;
        ExplainedVariance = explainedVariance;
    }

    /// <summary>Width d of every vector (bias included).</summary>
    public int Dimension { get; }

    /// <summary>Names the vector space, e.g. "audio:10+bias" or "embedding:64-pca16+bias"; stored states are keyed by it.</summary>
    public string Space { get; }

    /// <summary>Share of variance the PCA keeps (1 without PCA).</summary>
    public double ExplainedVariance { get; }

    /// <summary>Copies the vector of <paramref name="track"/> into <paramref name="destination"/>; false when the track has no content.</summary>
    public bool TryCopy(string track, Span<float> destination)
    {
        if (!_tracks.TryGetIndex(track, out var i) || !_present[i]) return false;
        _values.AsSpan(i * Dimension, Dimension).CopyTo(destination);
        return true;
    }

    /// <summary>Builds the vectors of <paramref name="dataset"/>'s tracks.</summary>
    /// <exception cref="OnlineRequestException">Conflict: no base dataset, or its tracks carry no content of the requested kind (the message says what to import).</exception>
    public static BanditTrackVectors Build(MusicDataset? dataset, BanditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (dataset is null)
            throw OnlineRequestException.Conflict("tracks", "The bandit needs track vectors, but no base dataset is configured; set dataset.base (ENCORE_DATASET__BASE) to a snapshot whose tracks carry audio features or imported embeddings (`encore import embeddings`).");
        var source = ParseSource(options.Content);
        float[] raw;
        int inputDimension;
        try
        {
            (raw, inputDimension, _) = TrackVectors.For(dataset, dataset.Tracks, source);
        }
        catch (ArgumentException e)
        {
            throw OnlineRequestException.Conflict("tracks", $"The bandit needs track vectors, but the base dataset has none: {e.Message}");
        }
        var features = new ItemFeatures(inputDimension, raw);
        ContentTransform transform;
        try
        {
            transform = ContentTransformFitter.Fit(features, new ContentTransformOptions { Components = options.Components });
        }
        catch (ArgumentException e)
        {
            throw OnlineRequestException.Conflict("tracks", $"The bandit needs track vectors, but every track of the base dataset lacks them: {e.Message}");
        }
        var reduced = transform.OutputDimension;
        var d = reduced + (options.Bias ? 1 : 0);
        var n = dataset.Tracks.Count;
        var values = new float[n * d];
        var present = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var row = values.AsSpan(i * d, d);
            present[i] = transform.Apply(features.Row(i), row[..reduced]);
            if (options.Bias) row[reduced] = 1f;
        }
        var kind = source switch
        {
            TrackVectorSource.Embedding => "embedding",
            TrackVectorSource.Audio => "audio",
            TrackVectorSource.Both => "both",
            _ => dataset.TrackInfo.EmbeddingDimension > 0 ? "embedding" : "audio",
        };
        var space = string.Create(CultureInfo.InvariantCulture, $"{kind}:{inputDimension}{(transform.UsesPca ? $"-pca{reduced}" : "")}{(options.Bias ? "+bias" : "")}");
        return new BanditTrackVectors(dataset.Tracks, values, present, d, space, transform.ExplainedVariance);
    }

    /// <exception cref="ArgumentException">Not auto, embedding, audio or both.</exception>
    public static TrackVectorSource ParseSource(string? content) => content?.ToLowerInvariant() switch
    {
        null or "" or "auto" => TrackVectorSource.Auto,
        "embedding" => TrackVectorSource.Embedding,
        "audio" => TrackVectorSource.Audio,
        "both" => TrackVectorSource.Both,
        _ => throw new ArgumentException($"bandit content '{content}' is not one of auto, embedding, audio, both.", nameof(content)),
    };
}
